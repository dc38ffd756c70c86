package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;

/**
 * One request on its way in: the head, the receiver the delegate chose, the inflater of a gzip body, and the body
 * received so far (aggregated here unless the receiver streams it). Owns the aggregated buffer until
 * {@link #takeBody()} or {@link #release()}. IOLoop thread only.
 */
final class Exchange {
    private static final byte[] NO_BODY = new byte[0];

    final HttpServerRequest request;
    final RequestReceiver receiver;
    final GzipBodyInflater inflater;
    private CompositeByteBuf aggregated;
    private long received;

    Exchange(HttpServerRequest request, RequestReceiver receiver, GzipBodyInflater inflater) {
        this.request = request;
        this.receiver = receiver;
        this.inflater = inflater;
    }

    /** Counts body bytes, returning the running total. */
    long count(int bytes) {
        received += bytes;
        return received;
    }

    /** Keeps a piece of body for aggregation; the caller keeps its own reference. */
    void aggregate(ByteBuf piece) {
        if (aggregated == null) {
            aggregated = piece.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        aggregated.addComponent(true, piece.retain());
    }

    /** The aggregated body as an array; the buffer is released. */
    byte[] takeBody() {
        if (aggregated == null) {
            return NO_BODY;
        }
        byte[] body = ByteBufUtil.getBytes(aggregated);
        release();
        return body;
    }

    void release() {
        if (inflater != null) {
            inflater.close();
        }
        if (aggregated != null) {
            aggregated.release();
            aggregated = null;
        }
    }
}
