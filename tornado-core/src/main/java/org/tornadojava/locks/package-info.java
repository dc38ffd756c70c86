/**
 * Tornado's {@code tornado.locks}: {@link org.tornadojava.locks.Event}, {@link org.tornadojava.locks.Condition},
 * {@link org.tornadojava.locks.Lock}, {@link org.tornadojava.locks.Semaphore} and
 * {@link org.tornadojava.locks.BoundedSemaphore}, coordinating asynchronous code rather than threads: nothing here
 * ever blocks a thread.
 *
 * <p>Threading: unlike Tornado's, these primitives may be shared by code on different IOLoops (and other threads).
 * Each guards its state with a monitor held only for a few non-blocking steps. A wait returns a
 * {@code CompletableFuture} completed on the IOLoop the caller was on when it began to wait (or by the waking
 * thread when the caller was not on a loop); waiters are woken first-in, first-out. A wait's timeout runs on the
 * waiter's loop. A waiter whose future times out or is cancelled leaves the primitive at once.
 */
package org.tornadojava.locks;
