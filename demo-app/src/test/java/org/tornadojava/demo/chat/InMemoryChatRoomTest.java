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
            assertThat(room.post("alice", "m" + i).id()).isEqualTo(i);
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
        room.post("alice", "one");
        room.post("bob", "two");
        assertThat(room.awaitMessagesAfter(OptionalLong.of(1)).getNow(null))
                .containsExactly(new ChatMessage(2, "bob", "two"));
        assertThat(room.awaitMessagesAfter(OptionalLong.of(0)).getNow(null)).hasSize(2);
        assertThat(room.stats().waiters()).isZero();
    }

    @Test
    void aWaiterWithoutCursorGetsOnlyLaterMessages() {
        room.post("alice", "before");
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        assertThat(waiter).isNotDone();
        assertThat(room.stats().waiters()).isEqualTo(1);
        room.post("bob", "after");
        assertThat(waiter.getNow(null)).containsExactly(new ChatMessage(2, "bob", "after"));
        assertThat(room.stats().waiters()).isZero();
    }

    @Test
    void aCursorBeyondTheNewestIdWaitsForTheNextMessage() {
        room.post("alice", "one");
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.of(99));
        assertThat(waiter).isNotDone();
        room.post("bob", "two");
        assertThat(waiter.getNow(null)).extracting(ChatMessage::id).containsExactly(2L);
    }

    @Test
    void cancellingAWaiterRemovesItAtOnce() {
        CompletableFuture<List<ChatMessage>> waiter = room.awaitMessagesAfter(OptionalLong.empty());
        assertThat(room.stats().waiters()).isEqualTo(1);
        waiter.cancel(false);
        assertThat(room.stats().waiters()).isZero();
        room.post("alice", "nobody waits");
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
    void listenersGetTheBacklogAfterTheirCursorThenEveryNewMessageUntilTheyLeave() {
        room.post("alice", "one");
        room.post("alice", "two");
        List<ChatMessage> received = new ArrayList<>();
        ChatListener listener = received::add;
        room.join(listener, OptionalLong.of(1));
        room.post("bob", "three");
        assertThat(room.stats().websockets()).isEqualTo(1);
        room.leave(listener);
        room.post("bob", "four");
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
                        big.post("user", "text");
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
