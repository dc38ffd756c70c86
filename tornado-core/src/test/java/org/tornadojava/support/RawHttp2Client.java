package org.tornadojava.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level HTTP/2 client on a blocking socket (h2c with prior knowledge) that writes any frame, well-formed or
 * hostile, and reads the server's frames one by one: for flood and flow-control tests. Reads wait at most 30 seconds.
 */
public final class RawHttp2Client implements AutoCloseable {
    public static final int DATA = 0x0;
    public static final int HEADERS = 0x1;
    public static final int RST_STREAM = 0x3;
    public static final int SETTINGS = 0x4;
    public static final int PING = 0x6;
    public static final int GOAWAY = 0x7;
    public static final int WINDOW_UPDATE = 0x8;
    public static final int CONTINUATION = 0x9;
    public static final int END_STREAM = 0x1;
    public static final int END_HEADERS = 0x4;

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);

    /** One frame the server sent. */
    public record Frame(int type, int flags, int streamId, byte[] payload) {
        /** The error code of a GOAWAY or RST_STREAM frame. */
        public int errorCode() {
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return type == GOAWAY ? buffer.getInt(4) : buffer.getInt(0);
        }
    }

    /**
     * Connects, sends the preface and a SETTINGS frame.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, 0 for the system's default
     * @param settings pairs of setting id and value for the first SETTINGS frame
     */
    public RawHttp2Client(int port, int receiveBuffer, int... settings) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        ByteBuffer payload = ByteBuffer.allocate(settings.length / 2 * 6);
        for (int i = 0; i < settings.length; i += 2) {
            payload.putShort((short) settings[i]).putInt(settings[i + 1]);
        }
        out.write(PREFACE);
        frame(SETTINGS, 0, 0, payload.array());
        out.flush();
    }

    /** A request's header block for {@code GET path}. */
    public byte[] headerBlock(int streamId, String path) throws Http2Exception {
        return headerBlock(streamId, path, new DefaultHttp2Headers());
    }

    /** A request's header block for {@code GET path} with {@code extra} headers. */
    public byte[] headerBlock(int streamId, String path, Http2Headers extra) throws Http2Exception {
        Http2Headers headers = new DefaultHttp2Headers().method("GET").path(path).scheme("http")
                .authority("localhost");
        headers.add(extra);
        return encode(streamId, headers);
    }

    /** HPACK-encodes a whole header list (pseudo-headers included). */
    public byte[] encode(int streamId, Http2Headers headers) throws Http2Exception {
        ByteBuf block = Unpooled.buffer();
        try {
            encoder.encodeHeaders(streamId, headers, block);
            return ByteBufUtil.getBytes(block);
        } finally {
            block.release();
        }
    }

    /** Writes one frame (buffered: call {@link #flush()}). */
    public void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
        byte[] header = new byte[9];
        header[0] = (byte) (payload.length >>> 16);
        header[1] = (byte) (payload.length >>> 8);
        header[2] = (byte) payload.length;
        header[3] = (byte) type;
        header[4] = (byte) flags;
        ByteBuffer.wrap(header, 5, 4).putInt(streamId);
        out.write(header);
        out.write(payload);
    }

    /** Sends {@code GET path} on {@code streamId} as HEADERS and as many CONTINUATION frames as it takes. */
    public void get(int streamId, String path, Http2Headers extra) throws IOException, Http2Exception {
        byte[] block = headerBlock(streamId, path, extra);
        int maxFrame = 16384;
        for (int offset = 0; offset == 0 || offset < block.length; offset += maxFrame) {
            int end = Math.min(block.length, offset + maxFrame);
            int flags = end == block.length ? END_HEADERS : 0;
            byte[] fragment = java.util.Arrays.copyOfRange(block, offset, end);
            if (offset == 0) {
                frame(HEADERS, flags | END_STREAM, streamId, fragment);
            } else {
                frame(CONTINUATION, flags, streamId, fragment);
            }
        }
        flush();
    }

    /** Decodes the header block of a HEADERS frame the server sent (no CONTINUATION). */
    public Http2Headers decode(Frame headersFrame) throws Http2Exception {
        ByteBuf block = Unpooled.wrappedBuffer(headersFrame.payload());
        try {
            return decoder.decodeHeaders(headersFrame.streamId(), block);
        } finally {
            block.release();
        }
    }

    /** Writes a WINDOW_UPDATE frame. */
    public void windowUpdate(int streamId, int increment) throws IOException {
        frame(WINDOW_UPDATE, 0, streamId, ByteBuffer.allocate(4).putInt(increment).array());
    }

    /** Writes a RST_STREAM frame with code CANCEL. */
    public void rstStream(int streamId) throws IOException {
        frame(RST_STREAM, 0, streamId, ByteBuffer.allocate(4).putInt(8).array());
    }

    /** Writes a PING frame. */
    public void ping() throws IOException {
        frame(PING, 0, 0, new byte[8]);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Reads the next frame the server sent; null when it closed the connection. */
    public Frame read() throws IOException {
        byte[] header = new byte[9];
        try {
            in.readFully(header);
        } catch (java.io.EOFException | java.net.SocketException e) {
            return null;
        }
        int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(header[3], header[4] & 0xff, ByteBuffer.wrap(header, 5, 4).getInt() & 0x7fffffff, payload);
    }

    /** Reads frames until one of {@code type} arrives; null when the connection closed first. */
    public Frame readUntil(int type) throws IOException {
        Frame frame;
        do {
            frame = read();
        } while (frame != null && frame.type() != type);
        return frame;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
