package org.tornadojava.iostream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read waiting for bytes: how many bytes of the stream's buffer would satisfy it, and how to take them.
 * An {@link IOStream} has at most one at a time. Confined to the stream's loop.
 *
 * @param <T> what the read completes with
 */
abstract class PendingRead<T> {
    /** Completed by the stream, on its loop. */
    final CompletableFuture<T> future = new CompletableFuture<>();

    /**
     * How many bytes from the front of the buffer satisfy this read.
     *
     * @param buffer the bytes received and not yet read; not modified
     * @param closed true when no more bytes will come
     * @return the number of bytes to take, or -1 while more bytes are needed
     * @throws UnsatisfiableReadError when the read can never complete within its limit
     */
    abstract int length(ByteBuf buffer, boolean closed) throws UnsatisfiableReadError;

    /**
     * Takes {@code length} bytes (as returned by {@link #length}) from the front of the buffer.
     *
     * @param buffer the bytes received; its reader index advances by {@code length}
     * @param length how many bytes to take
     * @return the result of the read
     */
    abstract T take(ByteBuf buffer, int length);

    static byte[] takeBytes(ByteBuf buffer, int length) {
        byte[] bytes = ByteBufUtil.getBytes(buffer, buffer.readerIndex(), length);
        buffer.skipBytes(length);
        return bytes;
    }

    /** Tornado's {@code read_until}: up to and including a delimiter, within {@code maxBytes}. */
    static final class UntilDelimiter extends PendingRead<byte[]> {
        private final ByteBuf delimiter;
        private final int maxBytes;
        private int searchFrom;

        UntilDelimiter(byte[] delimiter, int maxBytes) {
            if (delimiter.length == 0) {
                throw new IllegalArgumentException("the delimiter must not be empty");
            }
            this.delimiter = Unpooled.wrappedBuffer(delimiter.clone());
            this.maxBytes = maxBytes;
        }

        @Override
        int length(ByteBuf buffer, boolean closed) throws UnsatisfiableReadError {
            int readable = buffer.readableBytes();
            if (searchFrom < readable) {
                int found = ByteBufUtil.indexOf(delimiter,
                        buffer.slice(buffer.readerIndex() + searchFrom, readable - searchFrom));
                if (found >= 0) {
                    int length = searchFrom + found + delimiter.readableBytes();
                    checkWithin(length);
                    return length;
                }
            }
            // the delimiter may start in the last bytes and end in the next ones
            searchFrom = Math.max(0, readable - delimiter.readableBytes() + 1);
            checkWithin(readable);
            return -1;
        }

        private void checkWithin(int length) throws UnsatisfiableReadError {
            if (length > maxBytes) {
                throw new UnsatisfiableReadError("delimiter "
                        + ByteBufUtil.hexDump(delimiter) + " (hex) not found within " + maxBytes + " bytes");
            }
        }

        @Override
        byte[] take(ByteBuf buffer, int length) {
            return takeBytes(buffer, length);
        }
    }

    /** Tornado's {@code read_until_regex}: up to the end of the first match, within {@code maxBytes}. */
    static final class UntilRegex extends PendingRead<byte[]> {
        private final Pattern regex;
        private final int maxBytes;

        UntilRegex(Pattern regex, int maxBytes) {
            this.regex = regex;
            this.maxBytes = maxBytes;
        }

        @Override
        int length(ByteBuf buffer, boolean closed) throws UnsatisfiableReadError {
            // ISO-8859-1 maps every byte to one char, so string offsets are byte offsets
            Matcher match = regex.matcher(buffer.toString(StandardCharsets.ISO_8859_1));
            int length = match.find() ? match.end() : -1;
            int examined = length >= 0 ? length : buffer.readableBytes();
            if (examined > maxBytes) {
                throw new UnsatisfiableReadError("regex " + regex + " not matched within " + maxBytes + " bytes");
            }
            return length;
        }

        @Override
        byte[] take(ByteBuf buffer, int length) {
            return takeBytes(buffer, length);
        }
    }

    /** Tornado's {@code read_bytes}: exactly {@code count} bytes, or with {@code partial} whatever is there. */
    static final class Bytes extends PendingRead<byte[]> {
        private final int count;
        private final boolean partial;

        Bytes(int count, boolean partial) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            this.count = count;
            this.partial = partial;
        }

        @Override
        int length(ByteBuf buffer, boolean closed) {
            return fixedLength(buffer.readableBytes(), count, partial);
        }

        @Override
        byte[] take(ByteBuf buffer, int length) {
            return takeBytes(buffer, length);
        }
    }

    /** Tornado's {@code read_into}: fills the target's remaining space, or with {@code partial} what is there. */
    static final class Into extends PendingRead<Integer> {
        private final ByteBuffer target;
        private final boolean partial;

        Into(ByteBuffer target, boolean partial) {
            this.target = target;
            this.partial = partial;
        }

        @Override
        int length(ByteBuf buffer, boolean closed) {
            return fixedLength(buffer.readableBytes(), target.remaining(), partial);
        }

        @Override
        Integer take(ByteBuf buffer, int length) {
            ByteBuffer window = target.duplicate();
            window.limit(window.position() + length);
            buffer.readBytes(window);
            target.position(target.position() + length);
            return length;
        }
    }

    /** Tornado's {@code read_until_close}: everything until the stream closes. */
    static final class UntilClose extends PendingRead<byte[]> {
        @Override
        int length(ByteBuf buffer, boolean closed) {
            return closed ? buffer.readableBytes() : -1;
        }

        @Override
        byte[] take(ByteBuf buffer, int length) {
            return takeBytes(buffer, length);
        }
    }

    private static int fixedLength(int readable, int wanted, boolean partial) {
        if (readable >= wanted) {
            return wanted;
        }
        return partial && readable > 0 ? readable : -1;
    }
}
