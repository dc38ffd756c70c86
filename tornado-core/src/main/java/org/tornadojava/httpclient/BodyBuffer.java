package org.tornadojava.httpclient;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Collects a response body into one array, growing as pieces arrive, so the finished body is handed out with at
 * most one copy and no {@link ByteBuf} is kept. IOLoop thread only.
 */
final class BodyBuffer {
    /** Largest array the JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
    private static final int FIRST_CAPACITY_LIMIT = 1024 * 1024;

    private byte[] bytes;
    private int length;

    /**
     * Creates an empty buffer.
     *
     * @param expectedLength the announced length, or -1 when unknown; only a hint, capped at 1 MiB
     */
    BodyBuffer(long expectedLength) {
        this.bytes = new byte[(int) Math.max(256, Math.min(expectedLength, FIRST_CAPACITY_LIMIT))];
    }

    /**
     * Copies the readable bytes of the piece; the caller keeps ownership of it.
     *
     * @param piece the bytes received
     * @return false when the body would be longer than {@link #MAX_LENGTH}
     */
    boolean append(ByteBuf piece) {
        int n = piece.readableBytes();
        if (n > MAX_LENGTH - length) {
            return false;
        }
        if (length + n > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, (long) length + n);
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, MAX_LENGTH));
        }
        piece.getBytes(piece.readerIndex(), bytes, length, n);
        length += n;
        return true;
    }

    /** The body collected so far, trimmed to its length. */
    byte[] toArray() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
