package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;

import java.nio.file.Path;

/**
 * One request on its way in: the head, the receiver the delegate chose, the inflater of a gzip body, and the body
 * received so far (aggregated here unless the receiver streams it): in memory up to {@code max-in-memory-body},
 * past that either decoded as it arrives ({@link StreamedMultipart}, a {@code multipart/form-data} body) or in a
 * {@link BodyFile}, each taking the buffered bytes and every further piece. Owns the aggregated buffer, the decoder
 * and the file until {@link #handOverBody()} or {@link #release()}. IOLoop thread only.
 */
final class Exchange {
    final HttpServerRequest request;
    final RequestReceiver receiver;
    final GzipBodyInflater inflater;
    private CompositeByteBuf aggregated;
    private BodyFile file;
    private StreamedMultipart multipart;
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
     * {@code inMemoryLimit} a multipart body is decoded from then on, with its files in {@code directory}; any other
     * body moves to a temporary file there.
     *
     * @throws java.io.UncheckedIOException when a file cannot be created or written
     */
    void aggregate(ByteBuf piece, long inMemoryLimit, Path directory) {
        if (multipart != null) {
            multipart.offer(piece);
            return;
        }
        if (file != null) {
            file.write(piece);
            return;
        }
        long buffered = aggregated == null ? 0 : aggregated.readableBytes();
        if (buffered + piece.readableBytes() > inMemoryLimit) {
            multipart = StreamedMultipart.of(request, directory);
            if (multipart != null) {
                if (aggregated != null) {
                    multipart.offer(aggregated);
                    aggregated.release();
                    aggregated = null;
                }
                multipart.offer(piece);
                return;
            }
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
     * Gives the aggregated body to the request: an array (the buffer is released), the fields and files of a decoded
     * multipart body, or the closed temporary file; the writer deletes the files when the request ends.
     *
     * @throws java.io.UncheckedIOException when a file cannot be written or closed (it is deleted then)
     */
    void handOverBody() {
        if (multipart != null) {
            StreamedMultipart decoded = multipart;
            multipart = null;
            decoded.handOver();
        } else if (file != null) {
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
        if (multipart != null) {
            multipart.release();
            multipart = null;
        }
    }
}
