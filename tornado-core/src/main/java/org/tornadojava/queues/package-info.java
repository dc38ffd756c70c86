/**
 * Tornado's {@code tornado.queues}: {@link org.tornadojava.queues.Queue}, {@link org.tornadojava.queues.PriorityQueue}
 * and {@link org.tornadojava.queues.LifoQueue}, coordinating asynchronous producers and consumers without blocking a
 * thread.
 *
 * <p>Threading: unlike Tornado's, these queues may be shared by code on different IOLoops (and other threads). A
 * queue guards its state with a monitor held only for a few non-blocking steps. {@code put}, {@code get} and
 * {@code join} return a {@code CompletableFuture} completed on the IOLoop the caller was on when it began to wait
 * (or by the waking thread when the caller was not on a loop); waiting getters and putters are served first-in,
 * first-out. A wait's timeout runs on the waiter's loop, and a waiter whose future times out or is cancelled
 * leaves the queue at once.
 */
package org.tornadojava.queues;
