package org.tornadojava.queues;

/**
 * Thrown by {@link Queue#getNowait} when the queue has no item, Tornado's {@code queues.QueueEmpty}.
 */
public final class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueueEmpty() {
        super("queue is empty");
    }
}
