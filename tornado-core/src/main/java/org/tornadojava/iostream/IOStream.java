package org.tornadojava.iostream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A connected TCP stream read and written with futures: Tornado's {@code IOStream} over a Netty {@link Channel}.
 *
 * <p>Bytes that arrive are kept in one buffer owned by the stream until a read takes them; at most one read is
 * pending at a time. While no read is pending and more than {@value #READ_CHUNK_SIZE} bytes are buffered the stream
 * stops reading from the socket (backpressure); more than {@code maxBufferSize} buffered bytes that no read can take
 * close it with a {@link StreamBufferFullError}. When the stream closes, its buffer returns to the pool; bytes that
 * had arrived can still be read, and a read that needs more fails at once with {@link StreamClosedError}, whose
 * {@link StreamClosedError#realError()} says what closed the stream.
 *
 * <p>Threading: the stream is confined to its channel's event loop (its IOLoop), where
 * {@code TcpServer.handleStream} and the continuations of {@code TcpClient.connect} run. Every method may be called
 * from any thread; calls from another thread are handed to the loop in order (written bytes are copied first).
 * Every returned future completes on the stream's loop. A read that the buffer satisfies when it is asked for
 * completes on the loop's next turn, so a loop of reads over buffered bytes never grows the stack.
 */
public final class IOStream {
    /** Default limit on buffered bytes, as in Tornado: 100 MB. */
    public static final int DEFAULT_MAX_BUFFER_SIZE = 100 * 1024 * 1024;

    /** Buffered bytes above which the stream stops reading while no read is pending. */
    public static final int READ_CHUNK_SIZE = 64 * 1024;

    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final String HANDLER_NAME = "tornado-iostream";
    private static final String TLS_HANDLER_NAME = "tornado-iostream-tls";

    private final Channel channel;
    private final int maxBufferSize;
    private ByteBuf buffer = Unpooled.EMPTY_BUFFER;
    private PendingRead<?> pendingRead;
    private int pendingWrites;
    private volatile boolean closed;
    private volatile Throwable error;
    private Runnable closeCallback;

    /**
     * Wraps a connected channel with the default {@code maxBufferSize} (100 MB). See
     * {@link #IOStream(Channel, int)}.
     *
     * @param channel a connected channel whose pipeline ends where the stream's reader is added
     */
    public IOStream(Channel channel) {
        this(channel, DEFAULT_MAX_BUFFER_SIZE);
    }

    /**
     * Wraps a connected channel: adds the stream's reader at the end of the pipeline and from then on takes every
     * inbound {@code ByteBuf}. On the channel's loop, or before the channel has read anything (e.g. with
     * auto-read off).
     *
     * @param channel a connected channel; a channel already closed gives a closed stream
     * @param maxBufferSize the most bytes the stream buffers, at least 1
     */
    public IOStream(Channel channel, int maxBufferSize) {
        if (maxBufferSize < 1) {
            throw new IllegalArgumentException("maxBufferSize must be at least 1: " + maxBufferSize);
        }
        this.channel = channel;
        this.maxBufferSize = maxBufferSize;
        channel.pipeline().addLast(HANDLER_NAME, new Reader());
    }

    /**
     * Reads up to and including the delimiter, with no limit but {@code maxBufferSize}. Any thread.
     *
     * @param delimiter the bytes that end the read; not empty
     * @return the bytes read, ending with the delimiter
     */
    public CompletableFuture<byte[]> readUntil(byte[] delimiter) {
        return readUntil(delimiter, Integer.MAX_VALUE);
    }

    /**
     * Reads up to and including the delimiter. When the delimiter is not found within {@code maxBytes} the stream
     * is closed with an {@link UnsatisfiableReadError}, its buffer released, and the read fails with a
     * {@link StreamClosedError} carrying it. Any thread.
     *
     * @param delimiter the bytes that end the read; not empty
     * @param maxBytes the most bytes the read may return, delimiter included
     * @return the bytes read, ending with the delimiter
     */
    public CompletableFuture<byte[]> readUntil(byte[] delimiter, int maxBytes) {
        return startRead(() -> new PendingRead.UntilDelimiter(delimiter, maxBytes));
    }

    /**
     * Reads up to the end of the first match of the pattern, which is matched against the bytes as ISO-8859-1
     * characters (one char per byte). Beyond {@code maxBytes} without a match, fails as
     * {@link #readUntil(byte[], int)} does. Any thread.
     *
     * @param regex the pattern that ends the read
     * @param maxBytes the most bytes the read may return
     * @return the bytes read, ending with the match
     */
    public CompletableFuture<byte[]> readUntilRegex(Pattern regex, int maxBytes) {
        return startRead(() -> new PendingRead.UntilRegex(regex, maxBytes));
    }

    /**
     * Reads {@code count} bytes; with {@code partial}, completes as soon as at least one byte is there, with at
     * most {@code count}. Any thread.
     *
     * @param count how many bytes, zero or more
     * @param partial whether fewer bytes may complete the read
     * @return the bytes read
     */
    public CompletableFuture<byte[]> readBytes(int count, boolean partial) {
        return startRead(() -> new PendingRead.Bytes(count, partial));
    }

    /**
     * Reads every byte until the stream closes; on a closed stream, completes with what is left in the buffer.
     * Any thread.
     *
     * @return all remaining bytes
     */
    public CompletableFuture<byte[]> readUntilClose() {
        return startRead(PendingRead.UntilClose::new);
    }

    /**
     * Reads into the target's remaining space, advancing its position: fills it, or with {@code partial} completes
     * as soon as at least one byte was copied. The target belongs to the stream until the future completes.
     * Any thread.
     *
     * @param target where to put the bytes
     * @param partial whether fewer bytes may complete the read
     * @return the number of bytes copied
     */
    public CompletableFuture<Integer> readInto(ByteBuffer target, boolean partial) {
        return startRead(() -> new PendingRead.Into(target, partial));
    }

    /**
     * Writes the bytes; the array is copied, so the caller may reuse it. Any thread.
     *
     * @param data the bytes to send
     * @return a future completed once the bytes reached the socket, or failed with {@link StreamClosedError}; a
     *         writer that waits for it before writing more never buffers without bound
     */
    public CompletableFuture<Void> write(byte[] data) {
        return write(Unpooled.wrappedBuffer(data.clone()));
    }

    /**
     * Writes the buffer, taking ownership of it: the stream releases it. Any thread.
     *
     * @param data the bytes to send
     * @return a future completed once the bytes reached the socket, or failed with {@link StreamClosedError}
     */
    public CompletableFuture<Void> write(ByteBuf data) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        onLoop(() -> {
            if (closed) {
                data.release();
                written.completeExceptionally(closedError());
                return;
            }
            pendingWrites++;
            channel.writeAndFlush(data).addListener(done -> {
                pendingWrites--;
                if (done.isSuccess()) {
                    written.complete(null);
                } else {
                    GENERAL_LOG.debug("Write error on {}: {}", channel, done.cause().toString());
                    written.completeExceptionally(new StreamClosedError(error != null ? error : done.cause()));
                }
            });
        });
        return written;
    }

    /**
     * Switches the stream to TLS: adds a TLS handler in front and handshakes. The stream must be idle: no read and
     * no write pending. Bytes that arrived before the switch are fed to the TLS handler, so a peer that sends its
     * hello at once is served. A failed handshake closes the stream. Any thread.
     *
     * @param serverSide true to act as the TLS server, false as the client
     * @param context a Netty TLS context for that side
     * @param serverHostname for the client side, the name sent as SNI and checked against the certificate; null
     *        for the server side
     * @return this stream, once the handshake succeeded; failed with {@link StreamClosedError} otherwise, or with
     *         {@link IllegalStateException} when the stream was not idle
     */
    public CompletableFuture<IOStream> startTls(boolean serverSide, SslContext context, String serverHostname) {
        CompletableFuture<IOStream> secured = new CompletableFuture<>();
        onLoop(() -> {
            if (pendingRead != null || pendingWrites > 0) {
                secured.completeExceptionally(new IllegalStateException("IOStream is not idle; cannot start TLS"));
                return;
            }
            if (closed) {
                secured.completeExceptionally(closedError());
                return;
            }
            int port = channel.remoteAddress() instanceof InetSocketAddress remote ? remote.getPort() : -1;
            SslHandler tls = serverSide ? context.newHandler(channel.alloc())
                    : context.newHandler(channel.alloc(), serverHostname, port);
            channel.pipeline().addFirst(TLS_HANDLER_NAME, tls);
            tls.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    secured.complete(this);
                } else {
                    secured.completeExceptionally(new StreamClosedError(done.cause()));
                }
            });
            if (buffer.isReadable()) {
                ByteBuf early = buffer;
                buffer = Unpooled.EMPTY_BUFFER;
                channel.pipeline().fireChannelRead(early);
                channel.pipeline().fireChannelReadComplete();
            }
        });
        return secured;
    }

    /**
     * Closes the stream: a pending {@link #readUntilClose()} completes with the buffered bytes, any other pending
     * read that the buffer cannot satisfy fails with {@link StreamClosedError}, the close callback runs. Calling it
     * again does nothing. Any thread.
     */
    public void close() {
        onLoop(() -> closeWith(null));
    }

    /**
     * Sets the callback run once on the stream's loop when the stream closes (at once, on the loop, if it is
     * already closed); it replaces any earlier one. Any thread.
     *
     * @param callback what to run, or null for none
     */
    public void setCloseCallback(Runnable callback) {
        onLoop(() -> {
            closeCallback = callback;
            if (closed) {
                runCloseCallback();
            }
        });
    }

    /**
     * Turns Nagle's algorithm off (true) or on (false) for this connection: TCP_NODELAY. Any thread.
     *
     * @param value true to send small writes at once
     */
    public void setNodelay(boolean value) {
        onLoop(() -> channel.config().setOption(ChannelOption.TCP_NODELAY, value));
    }

    /**
     * Tells whether the stream is closed. Any thread; exact on the stream's loop.
     *
     * @return true once closed by either side
     */
    public boolean closed() {
        return closed;
    }

    /**
     * What closed the stream, as Tornado's {@code stream.error}. Any thread; exact on the stream's loop.
     *
     * @return the error, or null while open or after a normal close
     */
    public Throwable error() {
        return error;
    }

    /**
     * Tells whether a read is pending. On the stream's loop.
     *
     * @return true while a read waits for bytes
     */
    public boolean reading() {
        return pendingRead != null;
    }

    /**
     * Tells whether written bytes have not reached the socket yet. On the stream's loop.
     *
     * @return true while a write is pending
     */
    public boolean writing() {
        return pendingWrites > 0;
    }

    /**
     * The most bytes this stream buffers. Any thread.
     *
     * @return the limit given at construction
     */
    public int maxBufferSize() {
        return maxBufferSize;
    }

    /**
     * The address of the peer. Any thread.
     *
     * @return the remote address, or null when the channel has none
     */
    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    /**
     * The Netty channel under the stream, for code that works with Netty directly. Any thread.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /** Bytes received and not yet read; for tests. On the stream's loop. */
    int bufferedBytes() {
        return buffer.readableBytes();
    }

    private <T> CompletableFuture<T> startRead(Supplier<PendingRead<T>> kind) {
        PendingRead<T> read = kind.get();
        onLoop(() -> begin(read));
        return read.future;
    }

    private void begin(PendingRead<?> read) {
        if (pendingRead != null) {
            read.future.completeExceptionally(new IllegalStateException("Already reading"));
            return;
        }
        pendingRead = read;
        Runnable delivery = satisfy();
        if (delivery != null) {
            // satisfied from the buffer: complete on the next turn, so read loops do not recurse
            channel.eventLoop().execute(delivery);
        } else if (pendingRead != null && closed) {
            pendingRead = null;
            read.future.completeExceptionally(closedError());
        }
        updateAutoRead();
    }

    /**
     * Takes the pending read's bytes if the buffer holds them. Returns the completion to run, or null when the read
     * stays pending or failed (an unsatisfiable read closes the stream).
     */
    private Runnable satisfy() {
        PendingRead<?> read = pendingRead;
        if (read == null) {
            return null;
        }
        int length;
        try {
            length = read.length(buffer, closed);
        } catch (UnsatisfiableReadError e) {
            GENERAL_LOG.info("Unsatisfiable read, closing connection {}: {}", channel.remoteAddress(), e.getMessage());
            discardBuffer();
            closeWith(e);
            return null;
        }
        if (length < 0) {
            return null;
        }
        pendingRead = null;
        return complete(read, length);
    }

    private <T> Runnable complete(PendingRead<T> read, int length) {
        T result = read.take(buffer, length);
        if (!buffer.isReadable()) {
            buffer.release();
            buffer = Unpooled.EMPTY_BUFFER;
        } else {
            buffer.discardSomeReadBytes();
        }
        return () -> read.future.complete(result);
    }

    private void received(ByteBuf data) {
        if (closed) {
            data.release();
            return;
        }
        buffer = ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(channel.alloc(), buffer, data);
        Runnable delivery = satisfy();
        if (delivery != null) {
            delivery.run();
        }
        if (closed) {
            return;
        }
        if (buffer.readableBytes() > maxBufferSize) {
            GENERAL_LOG.info("Reached maximum read buffer size of {} bytes, closing connection {}", maxBufferSize,
                    channel.remoteAddress());
            discardBuffer();
            closeWith(new StreamBufferFullError(maxBufferSize));
            return;
        }
        updateAutoRead();
    }

    /** Reads from the socket while a read waits, or while the buffer is small. */
    private void updateAutoRead() {
        if (!closed) {
            channel.config().setAutoRead(pendingRead != null || buffer.readableBytes() < READ_CHUNK_SIZE);
        }
    }

    private void closeWith(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        error = cause;
        keepBufferedBytesUnpooled();
        PendingRead<?> read = pendingRead;
        if (read != null) {
            Runnable delivery = satisfy();
            if (delivery != null) {
                delivery.run();
            } else if (pendingRead != null) {
                pendingRead = null;
                read.future.completeExceptionally(closedError());
            }
        }
        channel.close();
        runCloseCallback();
    }

    /** Returns the pooled buffer; bytes that arrived stay readable from a heap copy. */
    private void keepBufferedBytesUnpooled() {
        ByteBuf pooled = buffer;
        buffer = pooled.isReadable() ? Unpooled.wrappedBuffer(ByteBufUtil.getBytes(pooled)) : Unpooled.EMPTY_BUFFER;
        pooled.release();
    }

    private void discardBuffer() {
        buffer.release();
        buffer = Unpooled.EMPTY_BUFFER;
    }

    private void runCloseCallback() {
        Runnable callback = closeCallback;
        closeCallback = null;
        if (callback != null) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                APP_LOG.error("Exception in close callback of {}", channel, e);
            }
        }
    }

    private StreamClosedError closedError() {
        return new StreamClosedError(error);
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    /** The last inbound handler: hands bytes, errors and the close to the stream. On the channel's loop. */
    private final class Reader extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (!ctx.channel().isActive() && ctx.channel().isRegistered()) {
                closeWith(null);
            } else {
                updateAutoRead();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf data) {
                received(data);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeWith(null);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable real = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (real instanceof IOException) {
                GENERAL_LOG.debug("Stream {} failed: {}", ctx.channel(), real.toString());
            } else {
                APP_LOG.error("Uncaught exception on stream {}, closing it", ctx.channel(), real);
            }
            closeWith(real);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
                GENERAL_LOG.debug("TLS handshake failed on {}: {}", ctx.channel(), handshake.cause().toString());
                closeWith(handshake.cause());
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            closeWith(null);
        }
    }
}
