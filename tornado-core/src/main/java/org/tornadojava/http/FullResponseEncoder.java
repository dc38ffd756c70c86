package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the head of a whole HTTP/1.1 response (status line, headers, blank line) as bytes, the way Netty's
 * {@code HttpResponseEncoder} would for a response whose body length is known, but in one pass over the headers into
 * a per-thread array and one copy into the outgoing buffer, without a response object. Header names and values go
 * out as given (one byte per character: the connection and {@code RequestHandler} only let Latin-1 values through).
 * Stateless apart from the per-thread array: {@link #encode} and the copy that follows it ({@link #setHead},
 * {@link #writeHead}) must run on the same thread, with no other encoding in between.
 */
final class FullResponseEncoder {
    /** Bodies up to this many bytes are copied behind the head into one buffer; larger ones are written after it. */
    static final int MAX_MERGED_BODY = 2048;

    private static final int INITIAL_SIZE = 4096;
    private static final byte[] HTTP_1_1 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_200 = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TRANSFER_ENCODING_LENGTH = "Transfer-Encoding".length();
    /** Per thread, the head encoded last; grows for a larger head and keeps that size. */
    private static final FastThreadLocal<Encoded> ENCODED = new FastThreadLocal<>() {
        @Override
        protected Encoded initialValue() {
            return new Encoded();
        }
    };

    private FullResponseEncoder() {
    }

    /**
     * Encodes the head into this thread's array and returns its length, or -1 when the response is left to Netty's
     * encoder: headers with {@code Transfer-Encoding} (the body must be framed), and the statuses whose framing
     * headers that encoder rewrites (1xx, 204, 205).
     *
     * @param status the status
     * @param headers the response headers
     * @return bytes of the status line, the headers and the blank line, or -1
     */
    static int encode(HttpResponseStatus status, HttpHeaders headers) {
        int code = status.code();
        if (code < 200 || code == 204 || code == 205) {
            return -1;
        }
        Encoded encoded = ENCODED.get();
        byte[] bytes = encoded.bytes;
        int at;
        if (status == HttpResponseStatus.OK) {
            System.arraycopy(STATUS_200, 0, bytes, 0, STATUS_200.length);
            at = STATUS_200.length;
        } else {
            AsciiString codeText = status.codeAsText();
            String reason = status.reasonPhrase();
            bytes = encoded.capacity(HTTP_1_1.length + codeText.length() + reason.length() + 5);
            System.arraycopy(HTTP_1_1, 0, bytes, 0, HTTP_1_1.length);
            at = put(bytes, HTTP_1_1.length, codeText);
            bytes[at++] = ' ';
            at = crlf(bytes, put(bytes, at, reason));
        }
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            CharSequence value = entry.getValue();
            if (name.length() == TRANSFER_ENCODING_LENGTH && AsciiString.contentEqualsIgnoreCase(name,
                    HttpHeaderNames.TRANSFER_ENCODING)) {
                return -1;
            }
            int end = at + name.length() + value.length() + 6;
            if (end > bytes.length) {
                bytes = encoded.capacity(end);
            }
            at = put(bytes, at, name);
            bytes[at++] = ':';
            bytes[at++] = ' ';
            at = crlf(bytes, put(bytes, at, value));
        }
        return crlf(bytes, at);
    }

    /**
     * Appends the head {@link #encode} last encoded on this thread to {@code out}.
     *
     * @param out the buffer to append to
     * @param length what {@code encode} returned
     */
    static void writeHead(ByteBuf out, int length) {
        out.writeBytes(ENCODED.get().bytes, 0, length);
    }

    /**
     * Puts the head {@link #encode} last encoded on this thread into {@code out} at {@code index}, in front of a body
     * that starts at {@code index + length}.
     *
     * @param out the buffer holding the body
     * @param index where the head starts
     * @param length what {@code encode} returned
     */
    static void setHead(ByteBuf out, int index, int length) {
        out.setBytes(index, ENCODED.get().bytes, 0, length);
    }

    @SuppressWarnings("deprecation")
    private static int put(byte[] bytes, int at, CharSequence text) {
        int length = text.length();
        if (text instanceof AsciiString) {
            AsciiString ascii = (AsciiString) text;
            System.arraycopy(ascii.array(), ascii.arrayOffset(), bytes, at, length);
        } else if (text instanceof String) {
            // One byte per character: exactly the Latin-1 bytes of the values let through.
            ((String) text).getBytes(0, length, bytes, at);
        } else {
            for (int i = 0; i < length; i++) {
                bytes[at + i] = (byte) text.charAt(i);
            }
        }
        return at + length;
    }

    private static int crlf(byte[] bytes, int at) {
        bytes[at] = '\r';
        bytes[at + 1] = '\n';
        return at + 2;
    }

    /** One thread's encoding array. */
    private static final class Encoded {
        byte[] bytes = new byte[INITIAL_SIZE];

        /** The array, grown (contents kept) to at least {@code needed} bytes if it is smaller. */
        byte[] capacity(int needed) {
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
            return bytes;
        }
    }
}
