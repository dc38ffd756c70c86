package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the response of one request on its connection, Tornado's per-request {@code HTTP1Connection}: either
 * in one piece ({@link #writeFull}), as a head followed by chunks ({@link #writeHead}, {@link #writeChunk},
 * {@link #finish}), or as a head followed by part of a file ({@link #writeFile}). It decides the framing
 * ({@code Content-Length} or chunked) and the {@code Connection} header, writes no body for HEAD requests, and
 * tells the connection when the response is complete so the next pipelined request can start.
 *
 * <p>IOLoop thread only. Every {@link ByteBuf} passed in is owned by the writer from then on.
 */
public final class ResponseWriter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final AsciiString KEEP_ALIVE_VALUE = AsciiString.cached("Keep-Alive");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("Transfer-Encoding");
    private static final int FILE_CHUNK_SIZE = 64 * 1024;
    private static final AsciiString VARY = AsciiString.cached("Vary");
    /** Bytes kept free in front of a {@link #newBody()} buffer: a typical head with a cookie or two fits. */
    private static final int HEAD_ROOM = 320;
    private static final int INITIAL_BODY = 256;
    private static final HttpHeadersFactory CHECKED_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(true);

    private final HttpServerConnection connection;
    private final HttpVersion requestVersion;
    private final boolean headRequest;
    private boolean keepAlive;
    private ResponseState state = ResponseState.PENDING;
    private boolean bodyComplete;
    private boolean ended;
    private long declaredLength = -1;
    private long sent;
    private Runnable closeListener;
    private List<Path> temporaryFiles;
    private ByteBuf ownBody;

    ResponseWriter(HttpServerConnection connection, HttpVersion requestVersion, boolean headRequest,
                   boolean keepAlive) {
        this.connection = connection;
        this.requestVersion = requestVersion;
        this.headRequest = headRequest;
        this.keepAlive = keepAlive;
    }

    /**
     * Empty headers for a response that check what is put into them: a name that is not a token, or a value with CR,
     * LF or another control character, is refused, so nothing set through them can split the response. Any thread.
     *
     * @return new headers
     * @throws IllegalArgumentException from their setters, for an invalid name or value
     */
    public static HttpHeaders newHeaders() {
        return CHECKED_HEADERS.newHeaders();
    }

    /**
     * The IOLoop of the connection. Any thread.
     *
     * @return the loop every other method must be called on
     */
    public IOLoop loop() {
        return connection.loop();
    }

    /**
     * A new buffer for the response body, with room kept free in front of the body where the connection writes the
     * response head when the whole response goes out at once: head and body then leave as this one buffer, without a
     * second buffer or a copy of the body. The caller owns it until it hands it to {@link #writeFull}, {@link #finish}
     * or {@link #writeChunk}; only its readable bytes are the body. IOLoop thread.
     *
     * @return an empty buffer
     */
    public ByteBuf newBody() {
        ByteBuf body = connection.alloc().directBuffer(HEAD_ROOM + INITIAL_BODY);
        body.setIndex(HEAD_ROOM, HEAD_ROOM);
        ownBody = body;
        return body;
    }

    /** Whether {@code body} came from {@link #newBody()} and still has its room in front: the bytes there are free. */
    boolean hasHeadRoom(ByteBuf body, int headLength) {
        return body == ownBody && body.readerIndex() >= headLength && body.refCnt() == 1;
    }

    /**
     * The connection's buffer allocator, for building response bodies. Any thread.
     *
     * @return the allocator
     */
    public ByteBufAllocator alloc() {
        return connection.alloc();
    }

    /**
     * Tells whether the connection is gone, so nothing written now would reach the client.
     *
     * @return true once the connection closed
     */
    public boolean isClosed() {
        return connection.isClosed();
    }

    /**
     * Whether the head of the response was sent already, or the response ended without one: nothing may change
     * status or headers any more. IOLoop thread.
     *
     * @return true after {@link #writeHead}, {@link #writeFull}, {@link #sendFull}, {@link #writeFile},
     *         {@link #upgrade} or {@link #abort}
     */
    public boolean isHeadWritten() {
        return state != ResponseState.PENDING;
    }

    /**
     * Registers what to run, once, on the loop, if the connection closes before this response is finished.
     *
     * @param listener the callback, or null to remove it
     */
    public void onClose(Runnable listener) {
        this.closeListener = listener;
    }

    /**
     * Writes a whole response and finishes the request. Unless the status forbids a body (1xx, 204, 304), a
     * {@code Content-Length} header is set from the body when the caller did not set one. For HEAD requests the
     * body is not sent.
     *
     * @param status the status line
     * @param headers response headers, adopted by the writer
     * @param body the body (ownership passes to the writer), or null for none
     * @return the write's future, done when the bytes reached the socket
     */
    public ChannelFuture writeFull(HttpResponseStatus status, HttpHeaders headers, ByteBuf body) {
        return connection.writeFull(this, status, headers, fullBody(status, headers, body), keepAlive, true);
    }

    /**
     * Writes a whole response and finishes the request, like {@link #writeFull}, for a caller that does not look at
     * the write's outcome: no future is made, so a response leaves with a few allocations and atomic operations
     * less (the usual case of a handler that returns without calling {@code finish} itself). A write that fails
     * closes the connection, which is logged at DEBUG like any client going away. IOLoop thread.
     *
     * @param status the status line
     * @param headers response headers, adopted by the writer
     * @param body the body (ownership passes to the writer), or null for none
     */
    public void sendFull(HttpResponseStatus status, HttpHeaders headers, ByteBuf body) {
        connection.writeFull(this, status, headers, fullBody(status, headers, body), keepAlive, false);
    }

    /** Frames a whole response (length, HEAD, Connection) and marks it finished; returns the body to send. */
    private ByteBuf fullBody(HttpResponseStatus status, HttpHeaders headers, ByteBuf body) {
        checkHeadNotWritten();
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : body;
        if (mayHaveBody(status) && !headers.contains(CONTENT_LENGTH)) {
            headers.setInt(CONTENT_LENGTH, content.readableBytes());
        }
        if (headRequest || !mayHaveBody(status)) {
            content.release();
            content = Unpooled.EMPTY_BUFFER;
        }
        setConnectionHeader(headers);
        state = ResponseState.FINISHED;
        connection.headWritten();
        return content;
    }

    /**
     * Writes a whole response whose body is {@code length} bytes of a file from {@code offset}, and finishes the
     * request. {@code Content-Length} is set to {@code length}. The bytes go from the file to the socket without
     * passing through the heap ({@code FileRegion}: sendfile or splice) unless the pipeline must see them (TLS, a
     * content encoder): then the file is read in 64 KiB chunks as the socket drains. For HEAD requests, and
     * statuses without a body, only the head is sent.
     *
     * @param status the status line
     * @param headers response headers, adopted by the writer
     * @param file an open file; ownership passes to the writer, which closes it when done
     * @param offset first byte to send
     * @param length number of bytes to send
     * @return the write's future, done when the last byte reached the socket
     * @throws IllegalArgumentException when the file channel is closed (nothing is written then)
     */
    public ChannelFuture writeFile(HttpResponseStatus status, HttpHeaders headers, FileChannel file, long offset,
                                   long length) {
        checkHeadNotWritten();
        if (!file.isOpen()) {
            throw new IllegalArgumentException("the file channel is closed");
        }
        if (headRequest || length == 0 || !mayHaveBody(status)) {
            closeQuietly(file);
            if (mayHaveBody(status)) {
                headers.set(CONTENT_LENGTH, length);
            }
            return writeFull(status, headers, null);
        }
        headers.set(CONTENT_LENGTH, length);
        setConnectionHeader(headers);
        state = ResponseState.FINISHED;
        connection.headWritten();
        connection.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, headers));
        if (connection.canSendFileRegion()) {
            connection.write(new DefaultFileRegion(file, offset, length));
            return connection.writeFinal(this, LastHttpContent.EMPTY_LAST_CONTENT, keepAlive);
        }
        connection.ensureChunkedWriter();
        return connection.writeFinal(this, new HttpChunkedInput(chunked(file, offset, length)), keepAlive);
    }

    private static ChunkedNioFile chunked(FileChannel file, long offset, long length) {
        try {
            return new ChunkedNioFile(file, offset, length, FILE_CHUNK_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            GENERAL_LOG.debug("cannot close a served file: {}", e.toString());
        }
    }

    /**
     * Sends the status line and headers now, before the body. Without a {@code Content-Length} header the body
     * is sent chunked (HTTP/1.1) or delimited by closing the connection (HTTP/1.0).
     *
     * @param status the status line
     * @param headers response headers, adopted by the writer
     * @return the write's future
     */
    public ChannelFuture writeHead(HttpResponseStatus status, HttpHeaders headers) {
        checkHeadNotWritten();
        if (mayHaveBody(status) && !headRequest && !headers.contains(CONTENT_LENGTH)) {
            if (requestVersion.equals(HttpVersion.HTTP_1_1)) {
                headers.set(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            } else {
                keepAlive = false;
            }
        }
        setConnectionHeader(headers);
        state = ResponseState.STREAMING;
        connection.headWritten();
        String length = headers.get(CONTENT_LENGTH);
        if (length != null && !headRequest && mayHaveBody(status)) {
            declaredLength = Long.parseLong(length.trim());
        }
        return connection.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, headers));
    }

    /**
     * Sends a piece of the body and flushes it. For HEAD requests the piece is dropped. A piece that would exceed a
     * declared {@code Content-Length} is not sent: the connection is closed and the future fails.
     *
     * @param chunk the bytes (ownership passes to the writer)
     * @return the write's future, done when the bytes reached the socket
     */
    public ChannelFuture writeChunk(ByteBuf chunk) {
        checkStreaming();
        if (headRequest || chunk.readableBytes() == 0) {
            chunk.release();
            return connection.flushed();
        }
        if (exceedsDeclaredLength(chunk.readableBytes())) {
            chunk.release();
            GENERAL_LOG.error("response body exceeds its Content-Length {}: closing the connection", declaredLength);
            abort();
            return connection.failed(new IllegalStateException("wrote more than the declared Content-Length "
                    + declaredLength));
        }
        sent += chunk.readableBytes();
        return connection.writeAndFlush(new DefaultHttpContent(chunk));
    }

    /**
     * Ends a response started with {@link #writeHead}, with an optional last piece of body. When the body sent
     * does not add up to a declared {@code Content-Length}, the connection is closed instead, so the client sees a
     * truncated response rather than a wrong frame.
     *
     * @param lastChunk final bytes (ownership passes to the writer), or null
     * @return the write's future
     */
    public ChannelFuture finish(ByteBuf lastChunk) {
        checkStreaming();
        int lastBytes = lastChunk == null || headRequest ? 0 : lastChunk.readableBytes();
        if (exceedsDeclaredLength(lastBytes) || (declaredLength >= 0 && sent + lastBytes < declaredLength)) {
            if (lastChunk != null) {
                lastChunk.release();
            }
            GENERAL_LOG.error("response body of {} bytes does not match its Content-Length {}: closing the connection",
                    sent + lastBytes, declaredLength);
            abort();
            return connection.failed(new IllegalStateException("body of " + (sent + lastBytes)
                    + " bytes does not match the declared Content-Length " + declaredLength));
        }
        state = ResponseState.FINISHED;
        LastHttpContent last;
        if (lastChunk == null || headRequest || lastChunk.readableBytes() == 0) {
            if (lastChunk != null) {
                lastChunk.release();
            }
            last = LastHttpContent.EMPTY_LAST_CONTENT;
        } else {
            last = new DefaultLastHttpContent(lastChunk);
        }
        return connection.writeFinal(this, last, keepAlive);
    }

    /**
     * Tells whether the response is complete, or was given up or handed to another protocol. IOLoop thread.
     *
     * @return true after {@link #writeFull}, {@link #sendFull}, {@link #writeFile}, {@link #finish},
     *         {@link #upgrade} or {@link #abort}
     */
    public boolean isFinished() {
        return state == ResponseState.FINISHED;
    }

    private boolean exceedsDeclaredLength(int more) {
        return declaredLength >= 0 && sent + more > declaredLength;
    }

    /**
     * Hands the connection over to another protocol (a WebSocket) instead of an HTTP response: the HTTP request
     * handling leaves the pipeline and {@code handover} gets the channel to answer the handshake and install its
     * own handlers. Nothing else is read or written as HTTP on this connection afterwards.
     *
     * @param handover writes the protocol switch (e.g. {@code 101}) and installs the new handlers
     * @return the future {@code handover} returned
     */
    public ChannelFuture upgrade(Function<Channel, ChannelFuture> handover) {
        checkHeadNotWritten();
        state = ResponseState.FINISHED;
        return connection.upgrade(this, handover);
    }

    /**
     * Gives up on the response and closes the connection, e.g. after an error once the head was sent; the client
     * sees a truncated response rather than a complete-looking one.
     */
    public void abort() {
        state = ResponseState.FINISHED;
        connection.close();
    }

    /**
     * Registers a temporary file of this request (a spilled body, an uploaded file) to delete when the request ends:
     * its response was written, failed or the connection closed. A file registered after that is deleted at once.
     * Any thread: off the loop the registration is handed to the loop (so a file registered while the request ends
     * is still deleted).
     *
     * @param file the file; it may be moved or deleted before, then nothing happens
     */
    public void deleteOnEnd(Path file) {
        IOLoop loop = connection.loop();
        if (!loop.inLoop()) {
            loop.execute(() -> deleteOnEnd(file));
        } else if (ended) {
            BodyFile.deleteQuietly(file);
        } else {
            if (temporaryFiles == null) {
                temporaryFiles = new ArrayList<>(2);
            }
            temporaryFiles.add(file);
        }
    }

    /** Marks the request as no longer in flight and deletes its temporary files; true the first time only. */
    boolean markEnded() {
        if (ended) {
            return false;
        }
        ended = true;
        if (temporaryFiles != null) {
            temporaryFiles.forEach(BodyFile::deleteQuietly);
            temporaryFiles = null;
        }
        return true;
    }

    void connectionClosed() {
        if (state != ResponseState.FINISHED && closeListener != null) {
            Runnable listener = closeListener;
            closeListener = null;
            listener.run();
        }
    }

    /** The whole request body was received; until then a response closes the connection after it. */
    void bodyComplete() {
        bodyComplete = true;
    }

    private void setConnectionHeader(HttpHeaders headers) {
        if (connection.compressResponse()) {
            String vary = headers.get(VARY);
            headers.set(VARY, vary == null || vary.isEmpty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
        }
        if (!bodyComplete || connection.isDraining()) {
            keepAlive = false;
        }
        if (requestVersion.equals(HttpVersion.HTTP_1_1)) {
            if (!keepAlive) {
                headers.set(CONNECTION, HttpHeaderValues.CLOSE);
            }
        } else if (keepAlive) {
            headers.set(CONNECTION, KEEP_ALIVE_VALUE);
        }
    }

    private static boolean mayHaveBody(HttpResponseStatus status) {
        int code = status.code();
        return code >= 200 && code != 204 && code != 304;
    }

    private void checkHeadNotWritten() {
        if (state != ResponseState.PENDING) {
            throw new IllegalStateException("response head already written");
        }
    }

    private void checkStreaming() {
        if (state != ResponseState.STREAMING) {
            throw new IllegalStateException(state == ResponseState.FINISHED ? "response already finished"
                    : "response head not written");
        }
    }
}
