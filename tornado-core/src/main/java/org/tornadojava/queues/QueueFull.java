package org.tornadojava.queues;

/**
 * Thrown by {@link Queue#putNowait} when the queue holds {@code maxsize} items, Tornado's {@code queues.QueueFull}.
 */
public final class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param maxsize the queue's limit, for the message
     */
    public QueueFull(int maxsize) {
        super("queue is full (maxsize " + maxsize + ")");
    }
}
