package org.tornadojava.demo.chat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.testing.Await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RedisChatRoom} against a real redis-server: two rooms stand for two instances. */
class RedisChatRoomIT {
    @TempDir
    Path folder;
    private final List<RedisChatRoom> rooms = new ArrayList<>();
    private RedisProcess redis;

    @AfterEach
    void stop() {
        rooms.forEach(RedisChatRoom::shutdown);
        if (redis != null) {
            redis.close();
        }
    }

    private RedisChatRoom room(Duration wait) {
        RedisChatRoom room = RedisChatRoom.connect(redis.url(), 50, wait);
        rooms.add(room);
        return room;
    }

    private static List<Long> ids(ChatRoom room) {
        return room.recent().stream().map(ChatMessage::id).toList();
    }

    @Test
    void concurrentPostsOnTwoInstancesReachBothInTheSameOrder() throws Exception {
        redis = RedisProcess.start(folder);
        RedisChatRoom a = room(Duration.ofSeconds(5));
        RedisChatRoom b = room(Duration.ofSeconds(5));
        List<Long> seenOnB = new ArrayList<>();
        b.join(message -> seenOnB.add(message.id()), OptionalLong.empty());

        List<CompletableFuture<ChatMessage>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add((i % 2 == 0 ? a : b).post("user" + (i % 2), "message " + i));
        }
        CompletableFuture.allOf(posts.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);

        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList();
        Await.until(() -> ids(a).size() == 20 && ids(b).size() == 20);
        assertThat(ids(a)).isEqualTo(expected);
        assertThat(ids(b)).isEqualTo(expected);
        assertThat(seenOnB).isEqualTo(expected);
    }

    @Test
    void aMessagePublishedWhileASubscriptionIsDownIsCaughtUpWhenItIsBack() throws Exception {
        redis = RedisProcess.start(folder);
        RedisChatRoom a = room(Duration.ofSeconds(5));
        RedisChatRoom b = room(Duration.ofSeconds(5));
        CompletableFuture<List<ChatMessage>> waiterOnB = b.awaitMessagesAfter(OptionalLong.empty());

        assertThat(redis.command("CLIENT KILL TYPE pubsub")).isEqualTo(":2");
        ChatMessage missed = a.post("alice", "published to nobody").get(5, TimeUnit.SECONDS);

        assertThat(waiterOnB.get(10, TimeUnit.SECONDS)).containsExactly(missed);
        Await.until(b::isConnected);
    }

    @Test
    void postsFailFastWhileRedisIsDownAndWorkOnceItIsBackWithNothingAcknowledgedLost() throws Exception {
        redis = RedisProcess.start(folder);
        RedisChatRoom a = room(Duration.ofSeconds(5));
        ChatMessage kept = a.post("alice", "before").get(5, TimeUnit.SECONDS);

        redis.stop();
        assertThatThrownBy(() -> a.post("alice", "lost").get(3, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ChatStoreUnavailableException.class);
        assertThat(a.isConnected()).isFalse();

        redis.start();
        Await.until(a::isConnected);
        ChatMessage after = a.post("alice", "after").get(5, TimeUnit.SECONDS);
        assertThat(after.id()).isEqualTo(kept.id() + 1);

        RedisChatRoom fresh = room(Duration.ofSeconds(5));
        assertThat(fresh.recent()).containsExactly(kept, after);
    }

    @Test
    void afterRedisRestartsEmptyEveryPostStillReachesEveryInstanceWithANewId() throws Exception {
        redis = RedisProcess.startWithoutPersistence(folder);
        RedisChatRoom a = room(Duration.ofSeconds(5));
        RedisChatRoom b = room(Duration.ofSeconds(5));
        List<Long> seenOnB = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.join(message -> seenOnB.add(message.id()), OptionalLong.empty());
        for (int i = 0; i < 5; i++) {
            a.post("alice", "before " + i).get(5, TimeUnit.SECONDS);
        }
        Await.until(() -> seenOnB.size() == 5);

        redis.kill();
        redis.start();
        assertThat(redis.command("DBSIZE")).isEqualTo(":0");
        Await.until(() -> a.isConnected() && b.isConnected());
        assertThatThrownBy(() -> a.post("alice", "during the resynchronisation").get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ChatStoreUnavailableException.class);

        List<ChatMessage> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(postOnceAccepted(i % 2 == 0 ? a : b, "after " + i));
        }
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList();
        Await.until(() -> seenOnB.size() == 10 && ids(a).size() == 10);
        assertThat(after).extracting(ChatMessage::id).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(seenOnB).isEqualTo(expected);
        assertThat(ids(a)).isEqualTo(expected);
        assertThat(ids(b)).isEqualTo(expected);
    }

    @Test
    void anInstanceThatLaggedBehindCannotDrawAnIdAnotherInstanceHasSeenAfterRedisRestartsEmpty() throws Exception {
        redis = RedisProcess.startWithoutPersistence(folder);
        RedisChatRoom a = room(Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            a.post("alice", "before " + i).get(5, TimeUnit.SECONDS);
        }
        redis.kill();
        redis.start();
        Await.until(a::isConnected);

        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> lagging = client.connect()) {
            assertThat(postAsLaggingInstance(lagging, 3)).isNull();
            Await.until(() -> postAsLaggingInstance(lagging, 3) != null, Duration.ofSeconds(20));
        } finally {
            client.shutdown();
        }

        Await.until(() -> ids(a).size() == 6);
        assertThat(ids(a)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(a.recent().get(5).body()).isEqualTo("from the lagging instance");
    }

    @Test
    void aLaggingInstanceReachingTheEmptyRedisFirstWaitsUntilTheOthersHaveRaisedTheCounter() throws Exception {
        redis = RedisProcess.startWithoutPersistence(folder);
        RedisClient client = RedisClient.create(redis.url());
        try {
            try (StatefulRedisConnection<String, String> before = client.connect()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(postAsLaggingInstance(before, 0)).isNotNull();
                }
            }
            redis.kill();
            redis.start();
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                assertThat(postAsLaggingInstance(connection, 3)).isNull();
                Long raised = connection.sync().eval(RedisChatRoom.RAISE_SCRIPT, ScriptOutputType.INTEGER,
                        new String[] {RedisChatRoom.LAST_ID_KEY, RedisChatRoom.RESYNC_KEY}, "5",
                        Long.toString(RedisChatRoom.RESYNC_WINDOW.toMillis()));
                assertThat(raised).isEqualTo(1L);
                assertThat(postAsLaggingInstance(connection, 3)).isNull();

                Await.until(() -> redis.commandQuietly("EXISTS " + RedisChatRoom.RESYNC_KEY).equals(":0"),
                        Duration.ofSeconds(20));
                assertThat(new ChatMessageJson().read(postAsLaggingInstance(connection, 3)).id()).isEqualTo(6L);
            }
        } finally {
            client.shutdown();
        }
    }

    /** Runs the post script as an instance that has seen only up to {@code seen}; null while it is refused. */
    private static String postAsLaggingInstance(StatefulRedisConnection<String, String> connection, long seen) {
        String[] keys = {RedisChatRoom.LAST_ID_KEY, RedisChatRoom.MESSAGES_KEY, RedisChatRoom.CHANNEL,
                RedisChatRoom.RESYNC_KEY};
        return connection.sync().eval(RedisChatRoom.POST_SCRIPT, ScriptOutputType.VALUE, keys,
                new ChatMessageJson().draft("bob", "from the lagging instance"), "50", Long.toString(seen),
                Long.toString(RedisChatRoom.RESYNC_WINDOW.toMillis()));
    }

    /** Posts like a client that retries a 503 until the room takes the message. */
    private static ChatMessage postOnceAccepted(ChatRoom room, String body) {
        List<ChatMessage> stored = new ArrayList<>();
        Await.until(() -> {
            try {
                stored.add(room.post("alice", body).get(5, TimeUnit.SECONDS));
                return true;
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20));
        return stored.get(0);
    }

    @Test
    void anInstanceStartedBeforeRedisKeepsTryingAndWorksOnceRedisIsUp() throws Exception {
        redis = RedisProcess.start(folder);
        redis.stop();
        RedisChatRoom early = room(Duration.ofMillis(300));
        assertThat(early.isConnected()).isFalse();
        assertThatThrownBy(() -> early.post("alice", "too early").get(3, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ChatStoreUnavailableException.class);

        redis.start();
        Await.until(early::isConnected);
        assertThat(early.post("alice", "in time").get(5, TimeUnit.SECONDS).id()).isEqualTo(1);
    }
}
