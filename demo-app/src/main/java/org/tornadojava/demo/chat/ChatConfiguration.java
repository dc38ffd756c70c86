package org.tornadojava.demo.chat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tornadojava.demo.DemoProperties;

import java.time.Duration;

/**
 * Wires the one chat room every chat handler shares: in memory by default, shared through Redis when
 * {@code tornado-demo.redis-url} is set.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {
    private static final String NO_REDIS = "'${tornado-demo.redis-url:}'.isBlank()";
    /** How long start-up waits for Redis before starting without it (posts answer 503 until it is back). */
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    /**
     * The room, kept in this process. Start-up thread.
     *
     * @param properties {@code tornado-demo.message-cache}
     * @return the room
     */
    @Bean
    @ConditionalOnExpression(NO_REDIS)
    ChatRoom inMemoryChatRoom(DemoProperties properties) {
        return new InMemoryChatRoom(capacity(properties));
    }

    /**
     * The room, shared by every instance using the same Redis; disconnected when the context closes, after the
     * server has stopped. Start-up thread.
     *
     * @param properties {@code tornado-demo.redis-url} and {@code tornado-demo.message-cache}
     * @return the room
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("!" + NO_REDIS)
    RedisChatRoom redisChatRoom(DemoProperties properties) {
        String url = properties.getRedisUrl().strip();
        try {
            return RedisChatRoom.connect(url, capacity(properties), REDIS_WAIT);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("tornado-demo.redis-url", url,
                    "not a Redis URL such as redis://127.0.0.1:6379/0 (" + e.getMessage() + ")");
        }
    }

    private static int capacity(DemoProperties properties) {
        int capacity = properties.getMessageCache();
        if (capacity < 1) {
            throw new InvalidConfigurationPropertyValueException("tornado-demo.message-cache", capacity,
                    "must be at least 1");
        }
        return capacity;
    }
}
