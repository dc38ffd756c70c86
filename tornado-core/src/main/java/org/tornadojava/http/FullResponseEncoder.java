package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the head of a whole HTTP/1.1 response (status line, headers, blank line) as bytes, the way Netty's
 * {@code HttpResponseEncoder} would for a response whose body length is known, but in one pass into a per-thread
 * scratch array and one copy into the outgoing buffer, without a response object. Header names and values go out as
 * given (one byte per character: the connection and {@code RequestHandler} only let Latin-1 values through).
 * Stateless; the scratch array is per thread, so any thread may call it.
 */
final class FullResponseEncoder {
    /** Bodies up to this many bytes are copied behind the head into one buffer; larger ones are written after it. */
    static final int MAX_MERGED_BODY = 2048;

    private static final int SCRATCH_SIZE = 4096;
    private static final byte[] HTTP_1_1 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_200 = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int TRANSFER_ENCODING_LENGTH = "Transfer-Encoding".length();
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };

    private FullResponseEncoder() {
    }

    /**
     * The length of the encoded head, or -1 when the response is left to Netty's encoder: headers with
     * {@code Transfer-Encoding} (the body must be framed), and the statuses whose framing headers that encoder
     * rewrites (1xx, 204, 205).
     *
     * @param status the status
     * @param headers the response headers
     * @return bytes of the status line, the headers and the blank line, or -1
     */
    static int headLength(HttpResponseStatus status, HttpHeaders headers) {
        int code = status.code();
        if (code < 200 || code == 204 || code == 205) {
            return -1;
        }
        int length = status == HttpResponseStatus.OK ? STATUS_200.length
                : HTTP_1_1.length + status.codeAsText().length() + 1 + status.reasonPhrase().length() + 2;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            if (name.length() == TRANSFER_ENCODING_LENGTH && AsciiString.contentEqualsIgnoreCase(name,
                    HttpHeaderNames.TRANSFER_ENCODING)) {
                return -1;
            }
            length += name.length() + 2 + entry.getValue().length() + 2;
        }
        return length + 2;
    }

    /**
     * Appends the head to {@code out}.
     *
     * @param out the buffer to append to
     * @param length what {@link #headLength} returned for the same status and headers
     * @param status the status
     * @param headers the response headers
     */
    static void writeHead(ByteBuf out, int length, HttpResponseStatus status, HttpHeaders headers) {
        out.writeBytes(encode(length, status, headers), 0, length);
    }

    /**
     * Puts the head into {@code out} at {@code index}, in front of a body that starts at {@code index + length}.
     *
     * @param out the buffer holding the body
     * @param index where the head starts
     * @param length what {@link #headLength} returned for the same status and headers
     * @param status the status
     * @param headers the response headers
     */
    static void setHead(ByteBuf out, int index, int length, HttpResponseStatus status, HttpHeaders headers) {
        out.setBytes(index, encode(length, status, headers), 0, length);
    }

    /** The head in the first {@code length} bytes of the returned array (this thread's scratch array when it fits). */
    private static byte[] encode(int length, HttpResponseStatus status, HttpHeaders headers) {
        byte[] scratch = SCRATCH.get();
        byte[] bytes = length <= scratch.length ? scratch : new byte[length];
        int at;
        if (status == HttpResponseStatus.OK) {
            System.arraycopy(STATUS_200, 0, bytes, 0, STATUS_200.length);
            at = STATUS_200.length;
        } else {
            System.arraycopy(HTTP_1_1, 0, bytes, 0, HTTP_1_1.length);
            at = put(bytes, HTTP_1_1.length, status.codeAsText());
            bytes[at++] = ' ';
            at = put(bytes, at, status.reasonPhrase());
            at = crlf(bytes, at);
        }
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            at = put(bytes, at, entry.getKey());
            bytes[at++] = ':';
            bytes[at++] = ' ';
            at = crlf(bytes, put(bytes, at, entry.getValue()));
        }
        crlf(bytes, at);
        return bytes;
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
}
