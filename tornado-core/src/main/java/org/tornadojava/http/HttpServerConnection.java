package org.tornadojava.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpContentEncoder;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;

/**
 * One client connection, Tornado's {@code HTTP1ServerConnection}: takes each aggregated request off the Netty
 * pipeline, hands it to the {@link HttpServerDelegate}, and serves pipelined requests strictly one after another
 * so responses leave in request order. Protocol errors are answered with a bare status and a close; a peer that
 * goes away is logged at DEBUG only.
 *
 * <p>Runs on its channel's IOLoop; not thread-safe.
 */
final class HttpServerConnection extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    private static final HttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
            .withValidation(false);
    /** Pipelined requests held while one is in flight before the connection stops reading. */
    private static final int MAX_QUEUED = 16;

    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoop loop;
    private final String protocol;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String remoteIp;
    private ResponseWriter current;
    private boolean closed;
    private boolean rejecting;

    HttpServerConnection(HttpServerDelegate delegate, HttpServerOptions options, IOLoop loop, String protocol) {
        this.delegate = delegate;
        this.options = options;
        this.loop = loop;
        this.protocol = protocol;
    }

    /** Headers for a new response, without per-value validation (values are checked when set). */
    static HttpHeaders newResponseHeaders() {
        return RESPONSE_HEADERS.newHeaders();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.remoteIp = ipOf(ctx.channel().remoteAddress());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        Object next;
        try {
            next = rejecting ? null : parse(request);
        } finally {
            request.release();
        }
        if (next == null) {
            return;
        }
        if (next instanceof Rejection) {
            rejecting = true;
        }
        if (current == null && queued.isEmpty()) {
            start(next);
        } else {
            queued.add(next);
            if (queued.size() >= MAX_QUEUED) {
                ctx.channel().config().setAutoRead(false);
            }
        }
    }

    private Object parse(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return rejectionFor(request.decoderResult().cause());
        }
        String method = request.method().name();
        if (!isToken(method)) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "invalid method " + method);
        }
        HttpVersion version = request.protocolVersion();
        boolean keepAlive = !options.noKeepAlive() && HttpUtil.isKeepAlive(request)
                && (version.equals(HttpVersion.HTTP_1_1) || hasBodyLengthOrIsGetHead(request));
        ResponseWriter writer = new ResponseWriter(this, version, request.method().equals(HttpMethod.HEAD), keepAlive);
        byte[] body = ByteBufUtil.getBytes(request.content());
        return new HttpServerRequest(method, request.uri(), version, request.headers(), body, remoteIp, protocol,
                writer);
    }

    private static boolean hasBodyLengthOrIsGetHead(FullHttpRequest request) {
        return request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                || request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
    }

    private Rejection rejectionFor(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header block too large");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
        }
        if (cause instanceof TooLongFrameException) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "frame too long");
        }
        return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed HTTP message: " + cause.getMessage());
    }

    private void start(Object next) {
        if (next instanceof Rejection) {
            reject((Rejection) next);
            return;
        }
        HttpServerRequest request = (HttpServerRequest) next;
        current = request.writer();
        delegate.handleRequest(request);
    }

    private void reject(Rejection rejection) {
        GENERAL_LOG.info("{} from {}: {}", rejection.status.code(), remoteIp, rejection.detail);
        HttpHeaders headers = newResponseHeaders();
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status,
                        ctx.alloc().buffer(0), headers, TRAILERS.newHeaders()))
                .addListener(ChannelFutureListener.CLOSE);
    }

    IOLoop loop() {
        return loop;
    }

    ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    boolean isClosed() {
        return closed;
    }

    HttpHeaders trailers() {
        return TRAILERS.newHeaders();
    }

    ChannelFuture writeAndFlush(HttpObject message) {
        return ctx.writeAndFlush(message);
    }

    /** Writes without flushing; the next flush (e.g. {@link #writeFinal}'s) sends it. */
    void write(Object message) {
        ctx.write(message);
    }

    /**
     * Tells whether a {@code FileRegion} may go down the pipeline as it is: not through TLS (which must encrypt
     * the bytes) nor through a content encoder (which would pass the region by unencoded).
     */
    boolean canSendFileRegion() {
        ChannelPipeline pipeline = ctx.pipeline();
        return pipeline.get(SslHandler.class) == null && pipeline.get(HttpContentEncoder.class) == null;
    }

    /** Puts a {@link ChunkedWriteHandler} right before this handler, once, so {@code ChunkedInput}s can be written. */
    void ensureChunkedWriter() {
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(ChunkedWriteHandler.class) == null) {
            pipeline.addBefore(ctx.name(), "chunked-writer", new ChunkedWriteHandler());
        }
    }

    void close() {
        ctx.close();
    }

    ChannelFuture flushed() {
        return ctx.newSucceededFuture();
    }

    ChannelFuture writeFinal(ResponseWriter writer, Object message, boolean keepAlive) {
        ChannelFuture future = ctx.writeAndFlush(message);
        if (writer != current) {
            return future;
        }
        current = null;
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
            queued.clear();
            return future;
        }
        if (!queued.isEmpty()) {
            loop.eventLoop().execute(this::startNextQueued);
        }
        return future;
    }

    private void startNextQueued() {
        if (closed || current != null || queued.isEmpty()) {
            return;
        }
        start(queued.poll());
        if (queued.size() < MAX_QUEUED / 2 && !rejecting) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        queued.clear();
        ResponseWriter writer = current;
        current = null;
        if (writer != null) {
            writer.connectionClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            GENERAL_LOG.debug("connection from {} failed: {}", remoteIp, cause.toString());
        } else {
            GENERAL_LOG.warn("error on connection from {}: {}", remoteIp, cause.toString());
        }
        ctx.close();
    }

    private static String ipOf(SocketAddress address) {
        if (address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() != null) {
            return NetUtil.toAddressString(((InetSocketAddress) address).getAddress());
        }
        return String.valueOf(address);
    }

    /** RFC 9110 token characters only, so {@code FOO,BAR} is refused while {@code FOO} reaches routing (405). */
    private static boolean isToken(String method) {
        if (method.isEmpty()) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A request refused at the protocol level, answered in its turn so pipelined responses stay in order. */
    private static final class Rejection {
        final HttpResponseStatus status;
        final String detail;

        Rejection(HttpResponseStatus status, String detail) {
            this.status = status;
            this.detail = detail;
        }
    }
}
