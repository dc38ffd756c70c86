package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentEncoder;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One client connection, Tornado's {@code HTTP1ServerConnection}. Serves one request at a time: the head goes to
 * the {@link HttpServerDelegate} as soon as it is decoded and checked, the body is aggregated or streamed to the
 * {@link RequestReceiver} (never beyond {@code max-body-size}: 413), and messages of pipelined requests wait,
 * with reading paused, until the response in flight is finished, so responses leave in request order. Protocol
 * errors are answered with a bare status and a close, logged in one INFO line; a peer that goes away is logged at
 * DEBUG only.
 *
 * <p>Runs on its channel's IOLoop; not thread-safe.
 */
final class HttpServerConnection extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    /** Messages held while a request is in flight before the connection stops reading. */
    private static final int MAX_QUEUED = 64;

    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoop loop;
    private final String protocol;
    private final RequestTimeouts timeouts;
    private final RequestClock clock;
    private final XHeaders xheaders;
    private final InFlightRequests inFlightRequests;
    private final boolean http2Stream;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private final RequestHeadFields fields = new RequestHeadFields();
    private ChannelHandlerContext ctx;
    private ServerResponseEncoder encoder;
    private ChannelHandlerContext encoderContext;
    private String remoteIp;
    private Exchange reading;
    private ResponseWriter inFlight;
    private boolean paused;
    private String lastValidHost;
    private boolean discarding;
    private boolean closed;
    private boolean draining;

    HttpServerConnection(HttpServerDelegate delegate, HttpServerOptions options, IOLoop loop, String protocol,
                         RequestTimeouts timeouts, InFlightRequests inFlightRequests) {
        this(delegate, options, loop, protocol, timeouts, inFlightRequests, false);
    }

    /**
     * A connection serving an HTTP/1.1 client, or the one request of an HTTP/2 stream (its child channel turns the
     * stream's frames into HTTP/1.1 message objects): the request then reports {@link Http2Pipelines#HTTP_2} as its
     * version and files go out read in chunks, as the stream's codec takes no {@code FileRegion}.
     */
    HttpServerConnection(HttpServerDelegate delegate, HttpServerOptions options, IOLoop loop, String protocol,
                         RequestTimeouts timeouts, InFlightRequests inFlightRequests, boolean http2Stream) {
        this.http2Stream = http2Stream;
        this.delegate = delegate;
        this.options = options;
        this.loop = loop;
        this.protocol = protocol;
        this.timeouts = timeouts;
        this.clock = timeouts.clock();
        this.xheaders = new XHeaders(options.xheaders(), options.trustedProxies());
        this.inFlightRequests = inFlightRequests;
    }

    /** Headers for a new response, without per-value validation (values are checked when set). */
    static HttpHeaders newResponseHeaders() {
        return RESPONSE_HEADERS.newHeaders();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.remoteIp = ipOf(ctx.channel().remoteAddress());
        ChannelPipeline pipeline = ctx.pipeline();
        this.encoder = pipeline.get(ServerResponseEncoder.class);
        if (encoder != null && pipeline.get(HttpContentEncoder.class) == null) {
            this.encoderContext = pipeline.context(encoder);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!isHttpMessage(msg)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (discarding || closed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (mustWait()) {
            queued.add(msg);
            if (queued.size() >= MAX_QUEUED) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        process(msg);
    }

    /**
     * Whether the decoder produced {@code msg}. Tested without {@code instanceof HttpObject}: on JDK 17 checking one
     * class against several interfaces in turn rewrites its one-entry type-check cache every time (JDK-8180450), which
     * costs most when the IOLoops on several cores do it to the same request class. A request is only ever checked
     * against {@code HttpRequest} (and, failing, {@code HttpContent}), and a body-less request's end is the shared
     * empty last content, recognised by identity.
     */
    private static boolean isHttpMessage(Object msg) {
        return msg == LastHttpContent.EMPTY_LAST_CONTENT || msg instanceof HttpRequest || msg instanceof HttpContent;
    }

    /** A message must wait while reading is paused, or while a response is in flight and no body is expected. */
    private boolean mustWait() {
        return paused || (reading == null && (inFlight != null || !queued.isEmpty()));
    }

    private void process(Object msg) {
        if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
            if (reading != null) {
                Exchange exchange = reading;
                reading = null;
                completeBody(exchange);
            }
            return;
        }
        try {
            boolean accepted = true;
            if (msg instanceof HttpRequest) {
                accepted = startRequest((HttpRequest) msg);
            }
            if (accepted && msg instanceof HttpContent) {
                content((HttpContent) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean startRequest(HttpRequest head) {
        if (head.decoderResult().isFailure()) {
            reject(RequestHeadValidator.decodeFailure(head, head.decoderResult().cause()));
            return false;
        }
        if (encoder != null) {
            encoder.answering(head.method().equals(HttpMethod.HEAD));
        }
        String method = head.method().name();
        Rejection rejection = isStandard(head.method()) || isToken(method) ? validHead(head)
                : Rejection.badRequest("invalid method " + method);
        if (rejection != null) {
            reject(rejection);
            return false;
        }
        long contentLength = fields.mayDeclareLength() ? HttpUtil.getContentLength(head, -1L) : -1L;
        if (contentLength > options.maxBodySize()) {
            reject(new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "Content-Length " + contentLength + " over max-body-size " + options.maxBodySize()));
            return false;
        }
        boolean bodyFollows = (fields.hasTransferEncoding() && HttpUtil.isTransferEncodingChunked(head))
                || contentLength > 0;
        HttpVersion version = head.protocolVersion();
        boolean keepAlive = !options.noKeepAlive()
                && (fields.hasConnection() ? HttpUtil.isKeepAlive(head) : version.isKeepAliveDefault())
                && (version.equals(HttpVersion.HTTP_1_1) || contentLength >= 0
                || head.method().equals(HttpMethod.GET) || head.method().equals(HttpMethod.HEAD));
        ResponseWriter writer = new ResponseWriter(this, version, head.method().equals(HttpMethod.HEAD), keepAlive);
        if (http2Stream) {
            head.headers().remove(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text())
                    .remove(HttpConversionUtil.ExtensionHeaderNames.SCHEME.text());
        }
        HttpServerRequest request = new HttpServerRequest(method, head.uri(),
                http2Stream ? Http2Pipelines.HTTP_2 : version, head.headers(),
                xheaders.remoteIp(remoteIp, head.headers()), xheaders.protocol(remoteIp, protocol, head.headers()),
                clock.now(), writer);
        timeouts.headReceived(bodyFollows);
        inFlight = writer;
        inFlightRequests.started();
        GzipBodyInflater inflater = null;
        String encoding = fields.contentEncoding();
        if (options.decompressRequest() && encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
            head.headers().remove(HttpHeaderNames.CONTENT_ENCODING);
            head.headers().set("X-Consumed-Content-Encoding", encoding);
            inflater = new GzipBodyInflater(options.maxBodySize());
        }
        Exchange exchange = new Exchange(request, delegate.headersReceived(request), inflater);
        if (!bodyFollows) {
            completeBody(exchange);
            return false;
        }
        reading = exchange;
        if (fields.hasExpect() && HttpUtil.is100ContinueExpected(head)) {
            if (exchange.receiver.acceptsBody()) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        ctx.alloc().buffer(0), newResponseHeaders(), trailers()));
            } else {
                reading = null;
                discarding = true;
                timeouts.bodyReceived();
                exchange.receiver.finish();
                return false;
            }
        }
        return true;
    }

    private void content(HttpContent content) {
        Exchange exchange = reading;
        if (exchange == null) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            failBody(exchange, Rejection.badRequest("invalid body framing: " + content.decoderResult().cause()));
            return;
        }
        ByteBuf data = content.content();
        if (exchange.count(data.readableBytes()) > options.maxBodySize()) {
            failBody(exchange, new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "body over max-body-size " + options.maxBodySize()));
            return;
        }
        if (data.isReadable()) {
            try {
                if (exchange.inflater == null) {
                    deliver(exchange, data);
                } else if (!inflate(exchange, data)) {
                    return;
                }
            } catch (UncheckedIOException e) {
                failBody(exchange, new Rejection(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getMessage() + ": "
                        + e.getCause()));
                return;
            }
        }
        if (content instanceof LastHttpContent) {
            reading = null;
            completeBody(exchange);
        }
    }

    /** Hands a piece of body to the receiver or the aggregate; the caller keeps its reference. */
    private void deliver(Exchange exchange, ByteBuf data) {
        if (!exchange.receiver.streamsBody()) {
            exchange.aggregate(data, options.maxInMemoryBody(), options.bodyTempDirectory());
        } else if (!exchange.request.writer().isFinished()) {
            pauseUntil(exchange.receiver.dataReceived(data));
        }
    }

    private boolean inflate(Exchange exchange, ByteBuf compressed) {
        boolean withinLimit;
        try {
            withinLimit = exchange.inflater.inflate(compressed, piece -> {
                try {
                    deliver(exchange, piece);
                } finally {
                    piece.release();
                }
            });
        } catch (java.util.zip.DataFormatException e) {
            failBody(exchange, Rejection.badRequest("invalid gzip body: " + e.getMessage()));
            return false;
        }
        if (!withinLimit) {
            failBody(exchange, new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "inflated body over max-body-size " + options.maxBodySize()));
        }
        return withinLimit;
    }

    private void completeBody(Exchange exchange) {
        timeouts.bodyReceived();
        exchange.request.writer().bodyComplete();
        if (!exchange.receiver.streamsBody()) {
            try {
                exchange.handOverBody();
            } catch (UncheckedIOException e) {
                failBody(exchange, new Rejection(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.getMessage()));
                return;
            }
        }
        exchange.release();
        exchange.receiver.finish();
    }

    /** A body that breaks a limit or the framing: answer if the response has not started, then close. */
    private void failBody(Exchange exchange, Rejection rejection) {
        reading = null;
        exchange.release();
        if (exchange.request.writer().isHeadWritten()) {
            GENERAL_LOG.info("{} from {}: {}", rejection.status.code(), remoteIp, LogText.escape(rejection.detail));
            discarding = true;
            ctx.close();
        } else {
            inFlight = null;
            requestEnded(exchange.request.writer());
            reject(rejection);
        }
    }

    private void pauseUntil(CompletionStage<?> stage) {
        if (stage == null || stage.toCompletableFuture().isDone()) {
            return;
        }
        paused = true;
        ctx.channel().config().setAutoRead(false);
        stage.whenComplete((value, error) -> loop.addCallback(() -> {
            paused = false;
            drain();
        }));
    }

    private void reject(Rejection rejection) {
        GENERAL_LOG.info("{} from {}: {}", rejection.status.code(), remoteIp, LogText.escape(rejection.detail));
        discarding = true;
        releaseQueued();
        HttpHeaders headers = newResponseHeaders();
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        timeouts.responseStarted();
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status,
                        ctx.alloc().buffer(0), headers, trailers()))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Processes waiting messages as long as the connection is ready for them. */
    private void drain() {
        while (!closed && !discarding && !queued.isEmpty() && !paused
                && !(reading == null && inFlight != null)) {
            process(queued.poll());
        }
        if (!closed && !discarding && !paused && queued.size() < MAX_QUEUED / 2) {
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }
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

    /** True once the server shuts down gracefully: the response in flight is the connection's last. */
    boolean isDraining() {
        return draining;
    }

    /**
     * Part of a graceful shutdown: closes the connection when no request is in flight, otherwise after the current
     * response; in both cases only once the bytes already written left (an empty write queued behind them closes
     * it), so a large response still draining to a slow client is not cut off. IOLoop thread.
     */
    void closeWhenIdle() {
        draining = true;
        if (inFlight == null && reading == null) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void requestEnded(ResponseWriter writer) {
        if (writer.markEnded()) {
            inFlightRequests.ended();
        }
    }

    boolean compressResponse() {
        return options.compressResponse();
    }

    /** Trailers of a whole response: always none, so one shared empty instance. */
    HttpHeaders trailers() {
        return EmptyHttpHeaders.INSTANCE;
    }

    void headWritten() {
        timeouts.responseStarted();
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
        return !http2Stream && pipeline.get(SslHandler.class) == null && pipeline.get(HttpContentEncoder.class) == null;
    }

    /** Puts a {@link ChunkedWriteHandler} right before this handler, once, so {@code ChunkedInput}s can be written. */
    void ensureChunkedWriter() {
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(ChunkedWriteHandler.class) == null) {
            pipeline.addBefore(ctx.name(), "chunked-writer", new ChunkedWriteHandler());
            // Responses written past the encoder would overtake what the chunked writer still holds.
            encoderContext = null;
        }
    }

    ChannelFuture flushed() {
        return ctx.newSucceededFuture();
    }

    ChannelFuture failed(Throwable cause) {
        return ctx.newFailedFuture(cause);
    }

    void close() {
        ctx.close();
    }

    ChannelFuture upgrade(ResponseWriter writer, Function<Channel, ChannelFuture> handover) {
        if (writer != inFlight || reading != null) {
            throw new IllegalStateException("only a request whose body was read may upgrade the connection");
        }
        inFlight = null;
        requestEnded(writer);
        releaseQueued();
        timeouts.bodyReceived();
        ctx.pipeline().remove(timeouts);
        ChannelFuture switched = handover.apply(ctx.channel());
        ctx.pipeline().remove(this);
        return switched;
    }

    /**
     * Writes a whole response with a body of known length and ends the request. Without a response compressor the
     * head is encoded here ({@link FullResponseEncoder}) and written past Netty's encoder: into the room in front of
     * a body from {@link ResponseWriter#newBody()}, else into a new buffer that also takes a small body. Otherwise,
     * and for what {@link FullResponseEncoder#encode} leaves to Netty, it goes through the pipeline as a
     * {@code FullHttpResponse}. Takes ownership of {@code content}. IOLoop thread.
     *
     * @param observed whether the caller wants the write's future; when not, a kept-alive response written past the
     *        encoder gets no promise and null is returned
     */
    ChannelFuture writeFull(ResponseWriter writer, HttpResponseStatus status, HttpHeaders headers, ByteBuf content,
                            boolean keepAlive, boolean observed) {
        int headLength = encoderContext == null ? -1 : FullResponseEncoder.encode(status, headers);
        if (headLength < 0) {
            return writeFinal(writer, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content, headers,
                    trailers()), keepAlive);
        }
        if (writer.hasHeadRoom(content, headLength)) {
            int start = content.readerIndex() - headLength;
            FullResponseEncoder.setHead(content, start, headLength);
            content.readerIndex(start);
            return sendPastEncoder(writer, content, keepAlive, observed);
        }
        int bodyLength = content.readableBytes();
        boolean merged = bodyLength <= FullResponseEncoder.MAX_MERGED_BODY;
        ByteBuf head = encoderContext.alloc().directBuffer(headLength + (merged ? bodyLength : 0));
        FullResponseEncoder.writeHead(head, headLength);
        if (!merged) {
            encoderContext.write(head, encoderContext.voidPromise());
            return sendPastEncoder(writer, content, keepAlive, observed);
        }
        head.writeBytes(content);
        content.release();
        return sendPastEncoder(writer, head, keepAlive, observed);
    }

    /**
     * Writes and flushes the last buffer of an encoded response past the encoder. A kept-alive response whose outcome
     * nobody asked for goes without a promise (as a hand-written Netty server writes): a failure then reaches
     * {@link #exceptionCaught} and closes the connection.
     */
    private ChannelFuture sendPastEncoder(ResponseWriter writer, ByteBuf last, boolean keepAlive, boolean observed) {
        if (observed || !keepAlive || discarding || draining || writer != inFlight) {
            return responseWritten(writer, encoderContext.writeAndFlush(last), keepAlive);
        }
        encoderContext.writeAndFlush(last, encoderContext.voidPromise());
        inFlight = null;
        ChannelOutboundBuffer unsent = ctx.channel().unsafe().outboundBuffer();
        if (unsent == null || unsent.isEmpty()) {
            requestEnded(writer);
        } else {
            encoderContext.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(sent -> requestEnded(writer));
        }
        readyForNextRequest();
        return null;
    }

    ChannelFuture writeFinal(ResponseWriter writer, Object message, boolean keepAlive) {
        return responseWritten(writer, ctx.writeAndFlush(message), keepAlive);
    }

    private ChannelFuture responseWritten(ResponseWriter writer, ChannelFuture future, boolean keepAlive) {
        if (writer != inFlight) {
            return future;
        }
        inFlight = null;
        if (future.isDone()) {
            requestEnded(writer);
        } else {
            future.addListener(written -> requestEnded(writer));
        }
        if (!keepAlive || discarding || draining) {
            discarding = true;
            releaseQueued();
            future.addListener(ChannelFutureListener.CLOSE);
            return future;
        }
        readyForNextRequest();
        return future;
    }

    /** The response in flight was written on a kept-alive connection: go on with the next request. */
    private void readyForNextRequest() {
        timeouts.waitingForNextRequest();
        if (!queued.isEmpty() || !ctx.channel().config().isAutoRead()) {
            loop.eventLoop().execute(this::drain);
        }
    }

    private void releaseQueued() {
        Object message;
        while ((message = queued.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        releaseQueued();
        if (reading != null) {
            reading.release();
            reading = null;
        }
        ResponseWriter writer = inFlight;
        inFlight = null;
        if (writer != null) {
            requestEnded(writer);
            writer.connectionClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            GENERAL_LOG.debug("connection from {} failed: {}", remoteIp, cause.toString());
        } else if (cause instanceof Http2Exception) {
            GENERAL_LOG.debug("HTTP/2 stream from {} failed: {}", remoteIp, cause.toString());
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            GENERAL_LOG.info("TLS with {} failed: {}", remoteIp, cause.getCause().getMessage());
        } else {
            GENERAL_LOG.warn("error on connection from {}: {}", remoteIp, cause.toString());
        }
        ctx.close();
    }

    /** The IP of a peer address as the logs and {@code remote_ip} show it. */
    static String ipOf(SocketAddress address) {
        if (address instanceof InetSocketAddress && ((InetSocketAddress) address).getAddress() != null) {
            return NetUtil.toAddressString(((InetSocketAddress) address).getAddress());
        }
        return String.valueOf(address);
    }

    /**
     * Checks the head's framing rules; a {@code Host} equal to the one of the previous request on this connection
     * (the usual keep-alive case) is not parsed again.
     */
    private Rejection validHead(HttpRequest head) {
        fields.read(head.headers());
        String host = fields.host();
        Rejection rejection = RequestHeadValidator.check(head, fields, host != null && host.equals(lastValidHost));
        if (rejection == null) {
            lastValidHost = host;
        }
        return rejection;
    }

    /** The methods Netty hands over as shared constants: valid tokens without a character check. */
    private static boolean isStandard(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST || method == HttpMethod.HEAD
                || method == HttpMethod.PUT || method == HttpMethod.DELETE || method == HttpMethod.OPTIONS
                || method == HttpMethod.PATCH;
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
}
