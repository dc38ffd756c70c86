package org.tornadojava.locks;

/**
 * A {@link Semaphore} that refuses to be released more often than it was acquired, Tornado's
 * {@code locks.BoundedSemaphore}: such a release is a bug, reported by an exception. Thread-safe.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int initialValue;

    /**
     * Creates a bounded semaphore with one permit.
     */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore.
     *
     * @param value the number of permits, and the most it may ever hold
     * @throws IllegalArgumentException when negative
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.initialValue = value;
    }

    @Override
    void checkRelease(int current) {
        if (current >= initialValue) {
            throw new IllegalStateException("Semaphore released too many times");
        }
    }
}
