package org.tornadojava.demo.chat;

/** Something that receives every message posted to the room as it is posted: an open chat socket. */
@FunctionalInterface
public interface ChatListener {
    /**
     * Receives a message. Called on the posting thread (any thread, often another connection's IOLoop) while the
     * room holds its lock, so it must only hand the message on without blocking, e.g. with
     * {@code WebSocketHandler.writeMessage}, which queues the write on the socket's own loop.
     *
     * @param message the new message
     */
    void deliver(ChatMessage message);

    /**
     * The room closed for a shutdown: a listener that holds a request open (an event stream) ends it now, so it
     * does not hold up the graceful shutdown. Called once, on the thread closing the room. Does nothing by default
     * (the server closes chat sockets itself).
     */
    default void roomClosed() {
    }
}
