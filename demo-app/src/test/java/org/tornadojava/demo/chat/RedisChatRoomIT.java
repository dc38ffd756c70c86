package org.tornadojava.demo.chat;

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
import java.util.concurrent.TimeUnit;

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

        List<ChatMessage> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add((i % 2 == 0 ? a : b).post("alice", "after " + i).get(5, TimeUnit.SECONDS));
        }
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList();
        Await.until(() -> seenOnB.size() == 10 && ids(a).size() == 10);
        assertThat(after).extracting(ChatMessage::id).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(seenOnB).isEqualTo(expected);
        assertThat(ids(a)).isEqualTo(expected);
        assertThat(ids(b)).isEqualTo(expected);
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
