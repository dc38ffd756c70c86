package org.tornadojava.demo.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The room in memory: the last {@code capacity} messages, the waiting long polls and the joined listeners, all
 * guarded by this object's monitor. The lock is only held to update these structures and to hand messages to
 * listeners (which queue them without blocking), so taking it on an IOLoop is cheap. Listeners get messages in id
 * order because they are delivered under the lock; waiting long polls are completed after it is released.
 * It is also the local mirror of a {@link RedisChatRoom}: {@link #accept} takes messages numbered by the store.
 */
public final class InMemoryChatRoom implements ChatRoom {
    private final int capacity;
    private final ArrayDeque<ChatMessage> messages = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Set<ChatListener> listeners = new LinkedHashSet<>();
    private long lastId;
    private boolean closed;

    /** A long poll waiting for messages newer than {@code cursor}; {@code answer} once it is answered. */
    private record Waiter(long cursor, CompletableFuture<List<ChatMessage>> future, List<ChatMessage> answer) {
    }

    /**
     * Creates an empty room. Any thread.
     *
     * @param capacity how many messages to keep, at least 1
     */
    public InMemoryChatRoom(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public CompletableFuture<ChatMessage> post(String from, String body) {
        List<Waiter> ready;
        ChatMessage message;
        synchronized (this) {
            message = new ChatMessage(lastId + 1, from, body);
            ready = keep(message);
        }
        answer(ready);
        return CompletableFuture.completedFuture(message);
    }

    /**
     * Mirrors a message numbered elsewhere (by the shared store): keeps it and hands it to every listener and
     * waiting long poll, like {@link #post}. Messages must come in id order; one not newer than the last kept is
     * ignored, so a message seen twice is delivered once. Any thread.
     *
     * @param message the message
     * @return whether it was new
     */
    public boolean accept(ChatMessage message) {
        List<Waiter> ready;
        synchronized (this) {
            if (message.id() <= lastId) {
                return false;
            }
            ready = keep(message);
        }
        answer(ready);
        return true;
    }

    /**
     * The id of the newest message kept or mirrored, 0 before the first. Any thread.
     *
     * @return the id
     */
    public synchronized long lastId() {
        return lastId;
    }

    /** Keeps a message, delivers it to the listeners and takes the waiters it answers. Caller holds the lock. */
    private List<Waiter> keep(ChatMessage message) {
        lastId = message.id();
        messages.addLast(message);
        if (messages.size() > capacity) {
            messages.removeFirst();
        }
        for (ChatListener listener : listeners) {
            listener.deliver(message);
        }
        List<Waiter> ready = new ArrayList<>(waiters);
        waiters.clear();
        for (int i = 0; i < ready.size(); i++) {
            Waiter waiter = ready.get(i);
            ready.set(i, new Waiter(waiter.cursor(), waiter.future(), messagesAfter(waiter.cursor())));
        }
        return ready;
    }

    /** Completes the waiters {@link #keep} took, outside the lock. */
    private static void answer(List<Waiter> ready) {
        for (Waiter waiter : ready) {
            waiter.future().complete(waiter.answer());
        }
    }

    @Override
    public synchronized List<ChatMessage> recent() {
        return List.copyOf(messages);
    }

    @Override
    public CompletableFuture<List<ChatMessage>> awaitMessagesAfter(OptionalLong cursor) {
        CompletableFuture<List<ChatMessage>> future = new CompletableFuture<>();
        Waiter waiter;
        synchronized (this) {
            if (closed) {
                future.complete(List.of());
                return future;
            }
            long after = Math.min(cursor.orElse(lastId), lastId);
            List<ChatMessage> newer = messagesAfter(after);
            if (!newer.isEmpty()) {
                future.complete(newer);
                return future;
            }
            waiter = new Waiter(after, future, null);
            waiters.add(waiter);
        }
        future.whenComplete((messages, error) -> {
            if (future.isCancelled()) {
                remove(waiter);
            }
        });
        return future;
    }

    private synchronized void remove(Waiter waiter) {
        waiters.remove(waiter);
    }

    @Override
    public synchronized void join(ChatListener listener, OptionalLong cursor) {
        if (cursor.isPresent()) {
            for (ChatMessage message : messagesAfter(cursor.getAsLong())) {
                listener.deliver(message);
            }
        }
        listeners.add(listener);
    }

    @Override
    public synchronized void leave(ChatListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        List<Waiter> ended;
        List<ChatListener> joined;
        synchronized (this) {
            closed = true;
            ended = new ArrayList<>(waiters);
            waiters.clear();
            joined = new ArrayList<>(listeners);
        }
        for (Waiter waiter : ended) {
            waiter.future().complete(List.of());
        }
        for (ChatListener listener : joined) {
            listener.roomClosed();
        }
    }

    @Override
    public synchronized ChatStats stats() {
        return new ChatStats(waiters.size(), listeners.size(), messages.size());
    }

    /** The kept messages with an id above {@code cursor}, oldest first. Caller holds the lock. */
    private List<ChatMessage> messagesAfter(long cursor) {
        ArrayDeque<ChatMessage> newer = new ArrayDeque<>();
        Iterator<ChatMessage> newestFirst = messages.descendingIterator();
        while (newestFirst.hasNext()) {
            ChatMessage message = newestFirst.next();
            if (message.id() <= cursor) {
                break;
            }
            newer.addFirst(message);
        }
        return List.copyOf(newer);
    }
}
