package org.tornadojava.ioloop;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * For tests that drive a connection through an {@link EmbeddedChannel}: an IOLoop around its event loop. The embedded
 * loop runs its tasks on the test's thread, which therefore becomes this IOLoop's thread: call {@link #forget()} after
 * the test so later tests on that thread are not on an IOLoop.
 */
public final class EmbeddedLoop {
    private EmbeddedLoop() {
    }

    /**
     * An IOLoop on the channel's event loop.
     *
     * @param channel the embedded channel
     * @return the loop; the test thread counts as in it
     */
    public static IOLoop of(EmbeddedChannel channel) {
        return new IOLoop(channel.eventLoop());
    }

    /** Makes the calling thread forget the IOLoop it ran for an embedded channel (and its other thread locals). */
    public static void forget() {
        FastThreadLocal.removeAll();
    }
}
