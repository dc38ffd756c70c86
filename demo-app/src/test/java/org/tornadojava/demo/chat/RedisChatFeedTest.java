package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class RedisChatFeedTest {
    private static final String CHANNEL = RedisChatRoom.CHANNEL;
    private final InMemoryChatRoom mirror = new InMemoryChatRoom(10);
    private final Queue<CompletableFuture<List<String>>> reads = new ArrayDeque<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final RedisChatFeed feed = new RedisChatFeed(mirror, new ChatMessageJson(), this::read, retries::add, 10);

    private CompletableFuture<List<String>> read() {
        CompletableFuture<List<String>> read = new CompletableFuture<>();
        reads.add(read);
        return read;
    }

    private static String stored(long id) {
        return "{\"id\":" + id + ",\"from\":\"alice\",\"body\":\"m" + id + "\"}";
    }

    private List<Long> mirrored() {
        return mirror.recent().stream().map(ChatMessage::id).toList();
    }

    private void subscribedWith(long... ids) {
        feed.subscribed(CHANNEL, 1);
        List<String> list = new ArrayList<>();
        for (long id : ids) {
            list.add(stored(id));
        }
        reads.remove().complete(list);
    }

    @Test
    void subscribingReadsTheStoredMessagesIntoTheMirror() {
        assertThat(feed.firstCatchUp()).isNotDone();
        subscribedWith(1, 2);
        assertThat(mirrored()).containsExactly(1L, 2L);
        assertThat(feed.catchingUp()).isFalse();
        assertThat(feed.firstCatchUp()).isCompleted();
    }

    @Test
    void publishedMessagesInIdOrderGoStraightToTheMirrorOnceEach() {
        subscribedWith(1);
        feed.message(CHANNEL, stored(2));
        feed.message(CHANNEL, stored(3));
        feed.message(CHANNEL, stored(3));
        assertThat(mirrored()).containsExactly(1L, 2L, 3L);
        assertThat(reads).isEmpty();
    }

    @Test
    void messagesPublishedWhileTheListIsReadAreHeldBackAndMergedInOrder() {
        feed.subscribed(CHANNEL, 1);
        feed.message(CHANNEL, stored(4));
        feed.message(CHANNEL, stored(3));
        assertThat(mirrored()).isEmpty();
        assertThat(feed.catchingUp()).isTrue();

        reads.remove().complete(List.of(stored(1), stored(2), stored(3)));

        assertThat(mirrored()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(feed.catchingUp()).isFalse();
    }

    @Test
    void anIdThatSkipsOneMakesTheFeedReadTheListToFillTheGap() {
        subscribedWith(1);
        feed.message(CHANNEL, stored(4));
        assertThat(mirrored()).containsExactly(1L);
        assertThat(reads).hasSize(1);

        reads.remove().complete(List.of(stored(1), stored(2), stored(3), stored(4)));

        assertThat(mirrored()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aFailedReadIsRetriedLaterAndMessagesWaitForIt() {
        feed.subscribed(CHANNEL, 1);
        reads.remove().completeExceptionally(new ChatStoreUnavailableException("Redis is away", null));
        feed.message(CHANNEL, stored(2));
        assertThat(retries).hasSize(1);
        assertThat(mirrored()).isEmpty();

        retries.remove(0).run();
        reads.remove().complete(List.of(stored(1)));

        assertThat(mirrored()).containsExactly(1L, 2L);
        assertThat(feed.catchingUp()).isFalse();
    }

    @Test
    void aMessageStoredHereIsMirroredAtOnceWhenItIsNextAndItsPublishedCopyIgnored() {
        subscribedWith(1);
        feed.storedHere(new ChatMessage(2, "alice", "m2"));
        assertThat(mirrored()).containsExactly(1L, 2L);
        feed.message(CHANNEL, stored(2));
        assertThat(mirrored()).containsExactly(1L, 2L);

        feed.storedHere(new ChatMessage(4, "alice", "m4"));
        assertThat(mirrored()).as("3 comes first, published").containsExactly(1L, 2L);
        feed.message(CHANNEL, stored(3));
        feed.message(CHANNEL, stored(4));
        assertThat(mirrored()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(reads).isEmpty();
    }

    @Test
    void unreadableMessagesAreSkipped() {
        subscribedWith(1);
        feed.message(CHANNEL, "not json");
        feed.message(CHANNEL, "{\"id\":2}");
        feed.message(CHANNEL, stored(2));
        assertThat(mirrored()).containsExactly(1L, 2L);
    }
}
