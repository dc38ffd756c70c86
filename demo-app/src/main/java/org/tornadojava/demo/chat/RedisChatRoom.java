package org.tornadojava.demo.chat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The room shared by every instance through Redis: a capped list holds the newest messages, {@code INCR} draws
 * their ids, and a channel carries each new message to every instance, whose {@link InMemoryChatRoom mirror}
 * answers its own long polls and sockets. Posting runs one script (draw the id, append, trim, publish), so all
 * instances see messages in id order. Ids only grow: every post, every catch-up and a heartbeat each second raise
 * the counter to the newest id the instance has seen. A Redis that restarted empty (no persistence) is noticed by
 * the first instance that finds the counter gone although it has seen ids: it opens a resynchronisation window
 * ({@link #RESYNC_WINDOW}) during which every post is refused (503), long enough for every connected instance to
 * raise the counter to what it has seen, so no id is drawn twice even by an instance that lagged behind the
 * others when Redis went. While Redis is away, posts fail with
 * {@link ChatStoreUnavailableException} at once (commands are rejected, not queued); Lettuce reconnects by itself
 * and the feed catches up with what it missed. Thread-safe; nothing here blocks except {@link #connect} and
 * {@link #shutdown} (start-up and shutdown thread).
 */
public final class RedisChatRoom implements ChatRoom {
    /** Key of the list of stored messages, oldest first. */
    static final String MESSAGES_KEY = "tornado-demo:chat:messages";
    /** Key of the last id drawn. */
    static final String LAST_ID_KEY = "tornado-demo:chat:last-id";
    /** Channel every new message is published on. */
    static final String CHANNEL = "tornado-demo:chat:posted";
    /** Key present (with an expiry) while the instances raise a counter that Redis lost: posts are refused. */
    static final String RESYNC_KEY = "tornado-demo:chat:resync";
    /**
     * How long posts are refused after Redis lost the counter: covers an instance's reconnection (at most
     * {@link #MAX_RECONNECT_DELAY}), its catch-up and a heartbeat, with room to spare.
     */
    static final Duration RESYNC_WINDOW = Duration.ofSeconds(5);
    /** How often a connected instance raises the counter to the newest id it has seen. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    /** Longest pause between reconnection attempts: Lettuce's default grows to 30 s, too long for a chat. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** Lettuce's own event-loop and computation threads: two connections need no more, whatever the core count. */
    private static final int LETTUCE_THREADS = 2;
    /**
     * Draws the next id, never at or below ARGV[3], the newest id this instance has seen, and returns the stored
     * message; returns nil instead while the counter is being resynchronised. A counter that is gone although this
     * instance has seen ids means Redis restarted empty: the script raises it and opens the resynchronisation
     * window (ARGV[4] ms), because another instance may have seen newer ids than this one.
     */
    static final String POST_SCRIPT = """
            local last = redis.call('GET', KEYS[1])
            local seen = tonumber(ARGV[3])
            if not last and seen > 0 then
              redis.call('SET', KEYS[1], ARGV[3])
              redis.call('SET', KEYS[4], '1', 'PX', ARGV[4])
              return false
            end
            if redis.call('EXISTS', KEYS[4]) == 1 then
              return false
            end
            if tonumber(last or '0') < seen then
              redis.call('SET', KEYS[1], ARGV[3])
            end
            local id = redis.call('INCR', KEYS[1])
            local message = '{"id":' .. id .. ',' .. string.sub(ARGV[1], 2)
            redis.call('RPUSH', KEYS[2], message)
            redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
            redis.call('PUBLISH', KEYS[3], message)
            return message
            """;
    /**
     * Raises the counter to at least ARGV[1] (each catch-up and heartbeat); when the counter is gone although ids
     * were seen, also opens the resynchronisation window (ARGV[2] ms). Returns 1 when it had to raise the counter.
     */
    static final String RAISE_SCRIPT = """
            local last = redis.call('GET', KEYS[1])
            local seen = tonumber(ARGV[1])
            if not last and seen > 0 then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            end
            if tonumber(last or '0') < seen then
              redis.call('SET', KEYS[1], ARGV[1])
              return 1
            end
            return 0
            """;
    private static final Logger log = LoggerFactory.getLogger(RedisChatRoom.class);

    static {
        // Lettuce 7.5 picks epoll when both native transports are present but then sets io_uring socket options on
        // its epoll channels (three WARN lines per connection). Its io_uring support is off unless asked for.
        if (System.getProperty("io.lettuce.core.iouring") == null) {
            System.setProperty("io.lettuce.core.iouring", "false");
        }
    }

    private final InMemoryChatRoom mirror;
    private final ChatMessageJson json = new ChatMessageJson();
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String address;
    private final int capacity;
    private final RedisChatFeed feed;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean shutDown;

    private RedisChatRoom(RedisURI uri, int capacity) {
        this.uri = uri;
        this.address = uri.getHost() + ":" + uri.getPort();
        this.capacity = capacity;
        this.mirror = new InMemoryChatRoom(capacity);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(LETTUCE_THREADS)
                .computationThreadPoolSize(LETTUCE_THREADS)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        client.addListener(new OutageLog());
        this.feed = new RedisChatFeed(mirror, json, this::storedMessages, this::later, capacity);
    }

    /**
     * Creates the room and connects to Redis, waiting up to {@code wait} for the connection and the first
     * catch-up. When Redis cannot be reached in time the room starts anyway (posts answer 503) and keeps trying
     * every second. Start-up thread.
     *
     * @param url e.g. {@code redis://127.0.0.1:6379/0}
     * @param capacity how many messages the list and every mirror keep, at least 1
     * @param wait how long to wait for Redis
     * @return the room; {@link #shutdown} it when done
     */
    public static RedisChatRoom connect(String url, int capacity, Duration wait) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        RedisChatRoom room = new RedisChatRoom(RedisURI.create(url), capacity);
        room.connectAgain();
        room.scheduleHeartbeat();
        try {
            room.feed.firstCatchUp().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Chat room shared through Redis at {}; {} messages kept", room.address,
                    room.mirror.stats().messages());
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Redis at {} is not reachable yet; posting answers 503 until it is", room.address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return room;
    }

    @Override
    public CompletableFuture<ChatMessage> post(String from, String body) {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            return CompletableFuture.failedFuture(unavailable("not connected", null));
        }
        String[] keys = {LAST_ID_KEY, MESSAGES_KEY, CHANNEL, RESYNC_KEY};
        return connection.async()
                .<String>eval(POST_SCRIPT, ScriptOutputType.VALUE, keys, json.draft(from, body),
                        Integer.toString(capacity), Long.toString(mirror.lastId()),
                        Long.toString(RESYNC_WINDOW.toMillis()))
                .toCompletableFuture()
                .handle((stored, error) -> {
                    if (error != null) {
                        throw unavailable("the message was not stored", error);
                    }
                    if (stored == null) {
                        throw unavailable("the message ids are being resynchronised after Redis lost them", null);
                    }
                    ChatMessage message = json.read(stored);
                    if (message == null) {
                        throw unavailable("the stored message is unreadable", null);
                    }
                    feed.storedHere(message);
                    return message;
                });
    }

    @Override
    public List<ChatMessage> recent() {
        return mirror.recent();
    }

    @Override
    public CompletableFuture<List<ChatMessage>> awaitMessagesAfter(OptionalLong cursor) {
        return mirror.awaitMessagesAfter(cursor);
    }

    @Override
    public void join(ChatListener listener, OptionalLong cursor) {
        mirror.join(listener, cursor);
    }

    @Override
    public void leave(ChatListener listener) {
        mirror.leave(listener);
    }

    @Override
    public void close() {
        mirror.close();
    }

    @Override
    public ChatStats stats() {
        return mirror.stats();
    }

    /**
     * Whether this instance is connected and up to date with the shared room. Any thread.
     *
     * @return true when posts can be stored and the mirror has caught up
     */
    public boolean isConnected() {
        StatefulRedisConnection<String, String> connection = commands;
        return connection != null && connection.isOpen() && !feed.catchingUp();
    }

    /**
     * Closes the connections to Redis and stops reconnecting; after the server has stopped. Shutdown thread.
     */
    public void shutdown() {
        shutDown = true;
        client.shutdown(Duration.ZERO, COMMAND_TIMEOUT);
        resources.shutdown(0, COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /** Opens the command connection, then the subscription; on failure tries again a second later. */
    private void connectAgain() {
        if (shutDown) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, uri)
                .thenCompose(connection -> {
                    commands = connection;
                    return client.connectPubSubAsync(StringCodec.UTF8, uri);
                })
                .thenCompose(pubSub -> {
                    subscription = pubSub;
                    pubSub.addListener(feed);
                    return pubSub.async().subscribe(CHANNEL);
                })
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        log.debug("Connecting to Redis at {} failed: {}", address, error.toString());
                        closeConnections();
                        later(this::connectAgain);
                    }
                });
    }

    private void closeConnections() {
        StatefulRedisConnection<String, String> connection = commands;
        StatefulRedisPubSubConnection<String, String> pubSub = subscription;
        commands = null;
        subscription = null;
        if (connection != null) {
            connection.closeAsync();
        }
        if (pubSub != null) {
            pubSub.closeAsync();
        }
    }

    /**
     * Reads the stored list for a catch-up, first raising the id counter to the newest id this instance has seen,
     * so that a Redis that came back empty goes on from there instead of reusing ids.
     */
    private CompletionStage<List<String>> storedMessages() {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            return CompletableFuture.failedFuture(unavailable("not connected", null));
        }
        return raiseCounter(connection).thenCompose(ignored -> connection.async().lrange(MESSAGES_KEY, 0, -1));
    }

    /** Raises the id counter to the newest id this instance has seen; one WARN line when Redis had lost it. */
    private CompletionStage<Long> raiseCounter(StatefulRedisConnection<String, String> connection) {
        long seen = mirror.lastId();
        String[] keys = {LAST_ID_KEY, RESYNC_KEY};
        return connection.async()
                .<Long>eval(RAISE_SCRIPT, ScriptOutputType.INTEGER, keys, Long.toString(seen),
                        Long.toString(RESYNC_WINDOW.toMillis()))
                .thenApply(raised -> {
                    if (raised == 1L) {
                        log.warn("Redis at {} lost the chat's id counter (restarted without persistence?): "
                                + "it goes on from {}, the newest id this instance has seen; posts wait {} s",
                                address, seen, RESYNC_WINDOW.toSeconds());
                    }
                    return raised;
                });
    }

    /** Every {@link #HEARTBEAT} while connected, raises the counter (Lettuce's threads); stops at shutdown. */
    private void heartbeat() {
        if (shutDown) {
            return;
        }
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null || !connection.isOpen() || mirror.lastId() == 0) {
            scheduleHeartbeat();
            return;
        }
        raiseCounter(connection).whenComplete((raised, error) -> scheduleHeartbeat());
    }

    private void scheduleHeartbeat() {
        if (!shutDown) {
            resources.eventExecutorGroup().schedule(this::heartbeat, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void later(Runnable task) {
        if (!shutDown) {
            resources.eventExecutorGroup().schedule(task, RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ChatStoreUnavailableException unavailable(String what, Throwable cause) {
        String reason = cause == null ? "" : ": " + rootMessage(cause);
        return new ChatStoreUnavailableException("Redis at " + address + ", " + what + reason, cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** One WARN line when the command connection drops and one INFO line when it is back. Lettuce's threads. */
    private final class OutageLog implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress remote) {
            if (connection == commands) {
                log.info("Redis at {} is back; chat posts are stored again", address);
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (connection == commands && !shutDown) {
                log.warn("Lost Redis at {}; chat posts answer 503 until it is back (reconnecting)", address);
            }
        }
    }
}
