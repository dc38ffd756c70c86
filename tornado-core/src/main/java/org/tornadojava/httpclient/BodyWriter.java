package org.tornadojava.httpclient;

import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link BodyProducer} writes the request body, Tornado's {@code write} argument of
 * {@code body_producer}. Without a {@code Content-Length} header on the request the body is sent with
 * {@code Transfer-Encoding: chunked}; with one, exactly that many bytes must be written.
 *
 * <p>Thread-safe: {@link #write} may be called from any thread (an executor reading a file, for example); the
 * pieces are sent in the order of the calls.
 */
public interface BodyWriter {
    /**
     * Sends a piece of the body; the array is copied, so the caller may reuse it at once. Any thread.
     *
     * @param piece the bytes
     * @return completes on the connection's IOLoop once the piece reached the socket, the moment to write the
     *         next one; fails when the request ended (response, error, timeout) or the connection broke, or when
     *         the piece goes beyond the request's {@code Content-Length}
     */
    default CompletableFuture<Void> write(byte[] piece) {
        return write(piece, 0, piece.length);
    }

    /**
     * Sends part of an array as a piece of the body; the bytes are copied. Any thread.
     *
     * @param bytes the array
     * @param offset where the piece starts
     * @param length how many bytes
     * @return as {@link #write(byte[])}
     */
    CompletableFuture<Void> write(byte[] bytes, int offset, int length);
}
