package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;

import java.nio.file.Path;

/**
 * One request on its way in: the head, the receiver the delegate chose, the inflater of a gzip body, and the body
 * received so far (aggregated here unless the receiver streams it): in memory up to {@code max-in-memory-body},
 * past that in a {@link BodyFile} that takes the buffered bytes and every further piece. Owns the aggregated buffer
 * and the file until {@link #handOverBody()} or {@link #release()}. IOLoop thread only.
 */
final class Exchange {
    final HttpServerRequest request;
    final RequestReceiver receiver;
    final GzipBodyInflater inflater;
    private CompositeByteBuf aggregated;
    private BodyFile file;
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

    /**
     * Keeps a piece of body for aggregation; the caller keeps its own reference. Once the body would pass
     * {@code inMemoryLimit} it moves to a temporary file in {@code directory}.
     *
     * @throws java.io.UncheckedIOException when the file cannot be created or written
     */
    void aggregate(ByteBuf piece, long inMemoryLimit, Path directory) {
        if (file != null) {
            file.write(piece);
            return;
        }
        long buffered = aggregated == null ? 0 : aggregated.readableBytes();
        if (buffered + piece.readableBytes() > inMemoryLimit) {
            file = BodyFile.create(directory);
            if (aggregated != null) {
                file.write(aggregated);
                aggregated.release();
                aggregated = null;
            }
            file.write(piece);
            return;
        }
        if (aggregated == null) {
            aggregated = piece.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        aggregated.addComponent(true, piece.retain());
    }

    /**
     * Gives the aggregated body to the request: an array (the buffer is released), or the closed temporary file,
     * which the request's writer deletes when the request ends.
     *
     * @throws java.io.UncheckedIOException when the file cannot be closed (it is deleted then)
     */
    void handOverBody() {
        if (file != null) {
            BodyFile spilled = file;
            file = null;
            request.writer().deleteOnEnd(spilled.path());
            spilled.close();
            request.setBody(spilled.path(), spilled.size());
        } else if (aggregated != null) {
            request.setBody(ByteBufUtil.getBytes(aggregated));
            aggregated.release();
            aggregated = null;
        }
    }

    void release() {
        if (inflater != null) {
            inflater.close();
        }
        if (aggregated != null) {
            aggregated.release();
            aggregated = null;
        }
        if (file != null) {
            file.delete();
            file = null;
        }
    }
}
