package org.tornadojava.demo.chat;

/**
 * The shared message store cannot be reached (Redis is down, restarting or too slow), so a message could not be
 * stored. Handlers answer it with 503; the room reconnects by itself.
 */
public final class ChatStoreUnavailableException extends RuntimeException {

    /**
     * Creates the exception. Any thread.
     *
     * @param message what failed, for the log line
     * @param cause the store client's error, or null
     */
    public ChatStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
