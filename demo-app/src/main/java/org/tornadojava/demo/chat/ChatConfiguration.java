package org.tornadojava.demo.chat;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tornadojava.demo.DemoProperties;

/** Wires the one chat room every chat handler shares. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /**
     * The room, kept in memory. Start-up thread.
     *
     * @param properties {@code tornado-demo.message-cache}
     * @return the room
     */
    @Bean
    ChatRoom chatRoom(DemoProperties properties) {
        int capacity = properties.getMessageCache();
        if (capacity < 1) {
            throw new InvalidConfigurationPropertyValueException("tornado-demo.message-cache", capacity,
                    "must be at least 1");
        }
        return new InMemoryChatRoom(capacity);
    }
}
