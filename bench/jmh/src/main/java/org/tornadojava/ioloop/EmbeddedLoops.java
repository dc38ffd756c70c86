package org.tornadojava.ioloop;

import io.netty.channel.EventLoop;

/** For benchmarks that drive a connection through an {@code EmbeddedChannel}: an IOLoop around its event loop. */
public final class EmbeddedLoops {
    private EmbeddedLoops() {
    }

    /**
     * An IOLoop on {@code eventLoop}; run the channel's pending tasks once so it knows it is current.
     *
     * @param eventLoop the embedded channel's loop
     * @return the loop
     */
    public static IOLoop of(EventLoop eventLoop) {
        return new IOLoop(eventLoop);
    }
}
