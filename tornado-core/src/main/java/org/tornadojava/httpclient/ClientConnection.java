package org.tornadojava.httpclient;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContentDecompressor;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.time.Duration;

/**
 * One client connection: its channel, the loop it lives on, what it may serve ({@link PoolKey}) and how many
 * exchanges it carried. Serves one exchange at a time, then waits in the pool. IOLoop thread only (its own loop).
 */
final class ClientConnection {
    static final String CODEC = "codec";
    static final String READER = "reader";
    private static final String DECOMPRESSOR = "decompressor";

    private final Channel channel;
    private final PoolKey key;
    private final IOLoop loop;
    private final ResponseReader reader;
    private int exchanges;
    private Timeout idleTimer;
    private boolean closeWatched;

    ClientConnection(Channel channel, PoolKey key, IOLoop loop, ResponseReader reader) {
        this.channel = channel;
        this.key = key;
        this.loop = loop;
        this.reader = reader;
    }

    Channel channel() {
        return channel;
    }

    PoolKey key() {
        return key;
    }

    IOLoop loop() {
        return loop;
    }

    /**
     * Starts an exchange: the next response goes to the listener, decompressed or not.
     *
     * @param listener receives the response
     * @param decompress whether a gzip or deflate body is decompressed
     */
    void begin(ResponseReader.Listener listener, boolean decompress) {
        exchanges++;
        ChannelPipeline pipeline = channel.pipeline();
        boolean present = pipeline.get(DECOMPRESSOR) != null;
        if (decompress && !present) {
            pipeline.addBefore(READER, DECOMPRESSOR, new HttpContentDecompressor(0));
        } else if (!decompress && present) {
            pipeline.remove(DECOMPRESSOR);
        }
        reader.attach(listener);
    }

    /** Stops reading from the socket until {@link #resumeReading()}: a streaming consumer is busy. */
    void pauseReading() {
        channel.config().setAutoRead(false);
    }

    /** Reads from the socket again (the default). */
    void resumeReading() {
        channel.config().setAutoRead(true);
    }

    /** Tells whether an earlier exchange used this connection. */
    boolean isReused() {
        return exchanges > 1;
    }

    /** Ends the current exchange without closing: later messages are not passed on. */
    void end() {
        reader.detach();
    }

    /** Ends the current exchange, if any, and closes the channel. */
    void close() {
        reader.detach();
        cancelIdleTimer();
        channel.close();
    }

    /**
     * Starts the idle timer, once the connection is back in the pool.
     *
     * @param timeout how long it may wait
     * @param expired runs on the loop when the time is up
     */
    void startIdleTimer(Duration timeout, Runnable expired) {
        cancelIdleTimer();
        idleTimer = loop.callLater(timeout, expired);
    }

    /** Stops the idle timer, when the connection leaves the pool. */
    void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel();
            idleTimer = null;
        }
    }

    /**
     * Registers the action to run when the channel closes, the first time only.
     *
     * @param action what to run, on the loop
     */
    void watchClose(Runnable action) {
        if (!closeWatched) {
            closeWatched = true;
            channel.closeFuture().addListener(future -> action.run());
        }
    }
}
