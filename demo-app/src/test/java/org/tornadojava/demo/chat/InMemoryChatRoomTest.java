package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryChatRoomTest {
    private final InMemoryChatRoom room = new InMemoryChatRoom(3);

    @Test
    void idsIncreaseAndOnlyTheNewestMessagesAreKept() {
        for (int i = 1; i <= 5; i++) {
            assertThat(room.post("alice", "m" + i).join().id()).isEqualTo(i);
        }
        assertThat(room.recent()).extracting(ChatMessage::id).containsExactly(3L, 4L, 5L);
        assertThat(room.stats()).isEqualTo(new ChatStats(0, 0, 3));
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new InMemoryChatRoom(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitingForKeptMessagesAnswersAtOnce() {
        room.post("alice", "one").join();
        room.post("bob", "two").join();
        assertThat(room.awaitMessagesAfter(OptionalLong.of(1)).getNow(null))
                .containsExactly(new ChatMessage(2, "bob", "two"));
        assertThat(room.awaitMessagesAfter(OptionalLong.of(0)).getNow(null)).hasSize(2);
        assertThat(room.stats().waiters()).isZero();
    }

    @Test
    void aWaiterWithoutCursorGetsOnlyLaterMessages() {
        room.post("alice", "before").join();
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        assertThat(waiter).isNotDone();
        assertThat(room.stats().waiters()).isEqualTo(1);
        room.post("bob", "after").join();
        assertThat(waiter.getNow(null)).containsExactly(new ChatMessage(2, "bob", "after"));
        assertThat(room.stats().waiters()).isZero();
    }

    @Test
    void aCursorBeyondTheNewestIdWaitsForTheNextMessage() {
        room.post("alice", "one").join();
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.of(99));
        assertThat(waiter).isNotDone();
        room.post("bob", "two").join();
        assertThat(waiter.getNow(null)).extracting(ChatMessage::id).containsExactly(2L);
    }

    @Test
    void cancellingAWaiterRemovesItAtOnce() {
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        assertThat(room.stats().waiters()).isEqualTo(1);
        waiter.cancel(false);
        assertThat(room.stats().waiters()).isZero();
        room.post("alice", "nobody waits").join();
        assertThat(waiter).isCancelled();
    }

    @Test
    void closingAnswersWaitingAndLaterLongPollsWithAnEmptyList() {
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        room.close();
        assertThat(waiter.getNow(null)).isEmpty();
        assertThat(room.stats().waiters()).isZero();
        assertThat(room.awaitMessagesAfter(OptionalLong.empty()).getNow(null)).isEmpty();
    }

    @Test
    void asAMirrorItTakesMessagesNumberedElsewhereOnceEachAndInIdOrder() {
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        List<ChatMessage> received = new ArrayList<>();
        room.join(received::add, OptionalLong.empty());
        ChatMessage fromB = new ChatMessage(41, "bob", "from B");

        assertThat(room.accept(fromB)).isTrue();
        assertThat(room.accept(fromB)).isFalse();
        assertThat(room.accept(new ChatMessage(40, "carol", "older"))).isFalse();
        assertThat(room.accept(new ChatMessage(42, "alice", "from A"))).isTrue();

        assertThat(waiter.getNow(null)).containsExactly(fromB);
        assertThat(received).extracting(ChatMessage::id).containsExactly(41L, 42L);
        assertThat(room.recent()).extracting(ChatMessage::id).containsExactly(41L, 42L);
        assertThat(room.lastId()).isEqualTo(42);
    }

    @Test
    void listenersGetTheBacklogAfterTheirCursorThenEveryNewMessageUntilTheyLeave() {
        room.post("alice", "one").join();
        room.post("alice", "two").join();
        List<ChatMessage> received = new ArrayList<>();
        ChatListener listener = received::add;
        room.join(listener, OptionalLong.of(1));
        room.post("bob", "three").join();
        assertThat(room.stats().websockets()).isEqualTo(1);
        room.leave(listener);
        room.post("bob", "four").join();
        assertThat(received).extracting(ChatMessage::body).containsExactly("two", "three");
        assertThat(room.stats().websockets()).isZero();

        List<ChatMessage> fresh = new ArrayList<>();
        room.join(fresh::add, OptionalLong.empty());
        assertThat(fresh).isEmpty();
    }

    @Test
    void concurrentPostsGetDistinctIdsAndListenersSeeThemInOrder() throws Exception {
        InMemoryChatRoom big = new InMemoryChatRoom(10_000);
        List<Long> seen = new ArrayList<>();
        big.join(message -> seen.add(message.id()), OptionalLong.empty());
        int threads = 4;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> posters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                posters.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < each; i++) {
                        big.post("user", "text").join();
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(posters.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(big.recent()).hasSize(threads * each);
        assertThat(seen).hasSize(threads * each).isSorted().doesNotHaveDuplicates();
    }
}
