package org.tornadojava.demo.chat;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The chat room: one message store and one broadcast. A message posted by HTTP or over a WebSocket reaches every
 * long-poll waiter and every joined socket. Implementations are thread-safe and never block: every method may be
 * called on an IOLoop. {@link InMemoryChatRoom} keeps the room in this process; {@link RedisChatRoom} shares it
 * between instances through Redis (chosen by {@code tornado-demo.redis-url}). Reads ({@link #recent},
 * {@link #awaitMessagesAfter}, {@link #join}) are always answered from this instance's memory.
 */
public interface ChatRoom {

    /**
     * Stores a message with the next id and hands it to every listener and waiting long poll, on this instance and
     * on every other instance sharing the same store. Any thread; never blocks.
     *
     * @param from the sender's user name
     * @param body the text, already checked with {@link ChatMessage#problemWithBody}
     * @return the stored message, once it is stored; fails with {@link ChatStoreUnavailableException} when the
     *         store cannot be reached (the message may then be lost, and the sender must be told)
     */
    CompletableFuture<ChatMessage> post(String from, String body);

    /**
     * The messages the room keeps, oldest first. Any thread.
     *
     * @return a snapshot
     */
    List<ChatMessage> recent();

    /**
     * Long poll: the messages newer than {@code cursor}, as soon as there are any. Completes at once when some are
     * kept already. A cursor beyond the newest id (a client from before a restart) waits for the next message.
     * Cancelling the future removes the waiter at once. Any thread; the future may complete on any thread.
     *
     * @param cursor the last id the client saw; empty for only messages posted after this call
     * @return the messages, oldest first; empty only once the room is {@link #close closed}
     */
    CompletableFuture<List<ChatMessage>> awaitMessagesAfter(OptionalLong cursor);

    /**
     * Adds a listener that gets every message posted from now on, after first getting the kept messages newer than
     * {@code cursor} (nothing is lost or repeated between the two). Any thread.
     *
     * @param listener the listener
     * @param cursor the last id the listener saw; empty for none of the kept messages
     */
    void join(ChatListener listener, OptionalLong cursor);

    /**
     * Removes a listener; it gets nothing more. Any thread.
     *
     * @param listener the listener
     */
    void leave(ChatListener listener);

    /**
     * Closes the room before the server stops: every waiting long poll, and every one started later, gets an empty
     * list at once, so no request holds up a graceful shutdown; every listener is told
     * ({@link ChatListener#roomClosed}) and stays joined (the server closes chat sockets itself). Any thread.
     */
    void close();

    /**
     * Counts waiters, listeners and kept messages. Any thread.
     *
     * @return a snapshot
     */
    ChatStats stats();
}
