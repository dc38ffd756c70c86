package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip request body ({@code decompress-request}) piece by piece, never producing more than the body
 * limit: a zip bomb is refused after {@code maxBytes} inflated bytes, not after it filled the memory. Parses the
 * gzip header itself (RFC 1952) and hands out inflated bytes in pieces of at most 64 KiB. IOLoop thread only;
 * {@link #close()} frees the native inflater.
 */
final class GzipBodyInflater {
    private static final int PIECE = 64 * 1024;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FHCRC = 2;

    private final Inflater inflater = new Inflater(true);
    private final long maxBytes;
    private final ByteBuf header = Unpooled.buffer(16);
    private boolean headerDone;
    private long produced;

    GzipBodyInflater(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Inflates one piece of compressed body.
     *
     * @param compressed the bytes (not consumed: the caller still owns and releases it)
     * @param sink receives inflated pieces, each owned by the sink
     * @return false when the inflated body passed {@code maxBytes}
     * @throws DataFormatException when the body is not valid gzip
     */
    boolean inflate(ByteBuf compressed, Consumer<ByteBuf> sink) throws DataFormatException {
        byte[] input = new byte[compressed.readableBytes()];
        compressed.getBytes(compressed.readerIndex(), input);
        if (!headerDone) {
            header.writeBytes(input);
            int headerLength = headerLength();
            if (headerLength < 0) {
                return true;
            }
            headerDone = true;
            byte[] rest = new byte[header.writerIndex() - headerLength];
            header.getBytes(headerLength, rest);
            header.release();
            input = rest;
        }
        if (inflater.finished()) {
            return true;
        }
        inflater.setInput(input);
        byte[] out = new byte[PIECE];
        int n;
        while (!inflater.finished() && (n = inflater.inflate(out)) > 0) {
            produced += n;
            if (produced > maxBytes) {
                return false;
            }
            sink.accept(Unpooled.wrappedBuffer(out, 0, n));
            out = new byte[PIECE];
        }
        if (inflater.needsDictionary()) {
            throw new DataFormatException("gzip body needs a preset dictionary");
        }
        return true;
    }

    /** Length of the complete gzip header in {@link #header}, or -1 while more bytes are needed. */
    private int headerLength() throws DataFormatException {
        int available = header.writerIndex();
        if (available < 10) {
            return -1;
        }
        if ((header.getByte(0) & 0xff) != 0x1f || (header.getByte(1) & 0xff) != 0x8b || header.getByte(2) != 8) {
            throw new DataFormatException("not a gzip body");
        }
        int flags = header.getByte(3) & 0xff;
        int position = 10;
        if ((flags & FEXTRA) != 0) {
            if (available < position + 2) {
                return -1;
            }
            position += 2 + header.getUnsignedShortLE(position);
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                int end = header.indexOf(position, available, (byte) 0);
                if (end < 0) {
                    return -1;
                }
                position = end + 1;
            }
        }
        if ((flags & FHCRC) != 0) {
            position += 2;
        }
        return position <= available ? position : -1;
    }

    void close() {
        inflater.end();
        if (!headerDone && header.refCnt() > 0) {
            header.release();
        }
    }
}
