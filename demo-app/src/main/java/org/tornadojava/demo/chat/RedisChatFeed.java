package org.tornadojava.demo.chat;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Feeds this instance's {@link InMemoryChatRoom mirror} from Redis: every message published on the room's channel,
 * in id order, with nothing missed across reconnections. Published messages only arrive while subscribed, so each
 * time the subscription is (re)established, and whenever a published id skips one, the feed reads the stored list
 * and merges it with what was published meanwhile (held back until the list is in). Ids are drawn with
 * {@code INCR}, so they have no holes unless something was missed. Runs on Lettuce's threads; all state is guarded
 * by this object's monitor.
 */
final class RedisChatFeed extends RedisPubSubAdapter<String, String> {
    private static final Logger log = LoggerFactory.getLogger(RedisChatFeed.class);
    private final InMemoryChatRoom mirror;
    private final ChatMessageJson json;
    private final Supplier<CompletionStage<List<String>>> storedMessages;
    private final RetryScheduler retries;
    private final int capacity;
    private final List<ChatMessage> heldBack = new ArrayList<>();
    private final CompletableFuture<Void> firstCatchUp = new CompletableFuture<>();
    private boolean catchingUp;

    /** Runs a task again later, on any thread: how the feed retries reading the list while Redis is away. */
    @FunctionalInterface
    interface RetryScheduler {
        /**
         * Schedules a task.
         *
         * @param task what to run
         */
        void later(Runnable task);
    }

    /**
     * Creates the feed. Any thread.
     *
     * @param mirror the room of this instance
     * @param json how messages are stored
     * @param storedMessages reads the stored list, oldest first (fails while Redis is away)
     * @param retries runs a failed catch-up again later
     * @param capacity how many messages the room keeps; at most this many are held back
     */
    RedisChatFeed(InMemoryChatRoom mirror, ChatMessageJson json, Supplier<CompletionStage<List<String>>> storedMessages,
            RetryScheduler retries, int capacity) {
        this.mirror = mirror;
        this.json = json;
        this.storedMessages = storedMessages;
        this.retries = retries;
        this.capacity = capacity;
    }

    /** The subscription is (re)established: catch up with what was stored meanwhile. Lettuce's thread. */
    @Override
    public void subscribed(String channel, long count) {
        catchUp();
    }

    /** A message was published (by any instance). Lettuce's thread. */
    @Override
    public void message(String channel, String text) {
        ChatMessage message = json.read(text);
        if (message != null) {
            receive(message);
        }
    }

    /**
     * Takes a message this instance has just stored, so that a client reading this instance right after its post
     * sees it: into the mirror at once when it is next in order; otherwise it comes with the published messages
     * or the catch-up under way. Any thread.
     *
     * @param message the message
     */
    synchronized void storedHere(ChatMessage message) {
        if (!catchingUp && message.id() == mirror.lastId() + 1) {
            mirror.accept(message);
        }
    }

    private void receive(ChatMessage message) {
        synchronized (this) {
            if (catchingUp) {
                holdBack(message);
                return;
            }
            if (message.id() <= mirror.lastId() + 1) {
                mirror.accept(message);
                return;
            }
            log.debug("Chat message {} arrived after {}: reading the stored messages to fill the gap",
                    message.id(), mirror.lastId());
            holdBack(message);
        }
        catchUp();
    }

    /**
     * Whether the mirror is being brought up to date (published messages are held back meanwhile). Any thread.
     *
     * @return true until the stored list has been read after the latest (re)subscription or gap
     */
    synchronized boolean catchingUp() {
        return catchingUp;
    }

    /**
     * Completes once the stored list has been read for the first time. Any thread.
     *
     * @return the future
     */
    CompletableFuture<Void> firstCatchUp() {
        return firstCatchUp;
    }

    private void catchUp() {
        synchronized (this) {
            catchingUp = true;
        }
        storedMessages.get().whenComplete((stored, error) -> {
            if (error != null) {
                log.debug("Could not read the stored chat messages yet: {}", error.toString());
                retries.later(this::catchUp);
                return;
            }
            merge(stored);
        });
    }

    private synchronized void merge(List<String> stored) {
        for (String text : stored) {
            ChatMessage message = json.read(text);
            if (message != null) {
                mirror.accept(message);
            }
        }
        heldBack.sort(Comparator.comparingLong(ChatMessage::id));
        for (ChatMessage message : heldBack) {
            mirror.accept(message);
        }
        heldBack.clear();
        catchingUp = false;
        firstCatchUp.complete(null);
    }

    /** Keeps a message until the catch-up is in; beyond the room's capacity the oldest go (the list has them). */
    private void holdBack(ChatMessage message) {
        heldBack.add(message);
        if (heldBack.size() > capacity) {
            heldBack.remove(0);
        }
    }
}
