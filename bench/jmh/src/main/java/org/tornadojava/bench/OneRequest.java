package org.tornadojava.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;

/**
 * One keep-alive {@code GET} replayed through a server pipeline on an {@link EmbeddedChannel}: what the path
 * benchmarks time.
 */
public final class OneRequest {
    private final EmbeddedChannel channel;
    private final ByteBuf request;

    /**
     * Prepares the request bytes and checks that the pipeline answers them.
     *
     * @param channel the channel carrying the server's pipeline
     * @param path the path to request
     * @throws IllegalStateException when the answer is too short to be a response
     */
    public OneRequest(EmbeddedChannel channel, String path) {
        this.channel = channel;
        this.request = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(("GET " + path
                + " HTTP/1.1\r\nHost: localhost:8080\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        if (serve() < 100) {
            throw new IllegalStateException("no response for " + path);
        }
    }

    /**
     * Sends the request once and drains the response.
     *
     * @return the response's length in bytes
     */
    public int serve() {
        channel.writeInbound(request.duplicate());
        return Outbound.drain(channel);
    }

    /** Closes the channel and releases what it still holds. */
    public void close() {
        channel.finishAndReleaseAll();
    }
}
