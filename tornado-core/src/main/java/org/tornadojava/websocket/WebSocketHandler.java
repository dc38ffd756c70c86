package org.tornadojava.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.LogText;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.web.RequestHandler;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket endpoint, Tornado's {@code WebSocketHandler}: routed like any handler (path groups, {@code prepare},
 * cookies and the current user are available during the handshake), then upgraded. Override {@link #open},
 * {@link #onMessage(String)}, {@link #onMessage(byte[])}, {@link #onClose} and {@link #onPong}.
 *
 * <pre>{@code
 * class EchoSocket extends WebSocketHandler {
 *     protected void onMessage(String message) {
 *         writeMessage(message);
 *     }
 * }
 * }</pre>
 *
 * <p>The handshake follows Tornado's checks: a plain GET is 400, a missing {@code Sec-WebSocket-Key} 400, a version
 * other than 13 is 426, a foreign {@code Origin} 403 (see {@link #checkOrigin}); a missing {@code Origin} is
 * allowed (non-browser clients). Messages reach {@code onMessage} in order, one at a time, never before
 * {@code open} returned; fragments are joined and a message over {@code websocket-max-message-size} closes the
 * socket with 1009; invalid UTF-8 in a text message closes it with 1007; an exception in {@code open} or
 * {@code onMessage} is logged once and closes it with 1011; a stopping server closes it with 1001.
 *
 * <h2>Threading</h2>
 * The hooks run on the connection's IOLoop. {@link #writeMessage}, {@link #ping} and {@link #close} may be called
 * from any thread: they are handed to the loop in call order, and their futures complete once the frame was
 * written (wait on them to apply backpressure). Writing to a closing or closed socket fails the future with
 * {@link WebSocketClosedException} and logs nothing above DEBUG.
 */
public abstract class WebSocketHandler extends RequestHandler {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final String VERSION = "13";

    private WebSocketConnection connection;
    private volatile boolean socketOpen;
    private volatile boolean socketClosed;
    private volatile int closeCode = CloseStatus.ABNORMAL;
    private volatile String closeReason;
    private String selectedSubprotocol;

    /** Subclasses get their dependencies through the constructor. */
    protected WebSocketHandler() {
    }

    /**
     * Checks the handshake and upgrades the connection. Runs on the IOLoop; not overridable.
     *
     * @param args the route's path groups, passed on to {@link #open}
     */
    public final void get(String... args) {
        HttpHeaders headers = request().headers();
        if (!"websocket".equalsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE))) {
            refuse(400, "Can \"Upgrade\" only to \"WebSocket\".");
            return;
        }
        if (!headers.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)) {
            refuse(400, "\"Connection\" must be \"Upgrade\".");
            return;
        }
        if (headers.get(HttpHeaderNames.SEC_WEBSOCKET_KEY) == null) {
            refuse(400, "Missing/Invalid WebSocket headers");
            return;
        }
        if (!VERSION.equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            setHeader("Sec-WebSocket-Version", VERSION);
            refuse(426, "");
            return;
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin != null && !checkOrigin(origin)) {
            refuse(403, "Cross origin websockets not allowed");
            return;
        }
        selectedSubprotocol = selectSubprotocol(requestedSubprotocols(headers));
        handshake(args);
    }

    private void refuse(int status, String message) {
        setStatus(status);
        finish(message);
    }

    private static List<String> requestedSubprotocols(HttpHeaders headers) {
        List<String> protocols = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String protocol : value.split(",")) {
                if (!protocol.isBlank()) {
                    protocols.add(protocol.trim());
                }
            }
        }
        return protocols;
    }

    private void handshake(String[] args) {
        int maxMessageSize = application().websocketMaxMessageSize();
        WebSocketServerExtension deflate = application().websocketCompression()
                ? DeflateNegotiation.negotiate(request().headers(), maxMessageSize) : null;
        FullHttpRequest handshakeRequest = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                request().uri(), Unpooled.EMPTY_BUFFER, request().headers(),
                DefaultHttpHeadersFactory.trailersFactory().newEmptyHeaders());
        WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxMessageSize)
                .allowExtensions(deflate != null)
                .closeOnProtocolViolation(false)
                .build();
        String scheme = "https".equals(request().protocol()) ? "wss" : "ws";
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                scheme + "://" + request().host() + request().uri(), selectedSubprotocol, decoderConfig)
                .newHandshaker(handshakeRequest);
        HttpHeaders responseHeaders = responseHeaders().copy();
        responseHeaders.remove(HttpHeaderNames.CONTENT_TYPE);
        responseHeaders.remove(HttpHeaderNames.CONTENT_LENGTH);
        if (deflate != null) {
            responseHeaders.set(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, DeflateNegotiation.responseHeader(deflate));
        }
        upgradeConnection(101, channel -> {
            ChannelFuture switched = handshaker.handshake(channel, handshakeRequest, responseHeaders,
                    channel.newPromise());
            installFrameHandlers(channel, deflate, maxMessageSize);
            return switched;
        });
        socketOpen = true;
        try {
            open(args);
        } catch (Throwable e) {
            APP_LOG.error("Uncaught exception in open of {} {}", getClass().getSimpleName(),
                    LogText.escape(request().uri()), e);
            close(CloseStatus.INTERNAL_ERROR, "Internal error");
        }
    }

    private void installFrameHandlers(Channel channel, WebSocketServerExtension deflate, int maxMessageSize) {
        ChannelPipeline pipeline = channel.pipeline();
        String last = "wsdecoder";
        if (deflate != null) {
            pipeline.addAfter(last, "wsinflater", deflate.newExtensionDecoder());
            pipeline.addAfter("wsinflater", "wsdeflater", deflate.newExtensionEncoder());
            last = "wsdeflater";
        }
        pipeline.addAfter(last, "wsutf8", new Utf8FrameValidator(true));
        pipeline.addAfter("wsutf8", "wsaggregator", new WebSocketFrameAggregator(maxMessageSize));
        Duration pingInterval = application().websocketPingInterval();
        connection = new WebSocketConnection(new FrameListener() {
            @Override
            public void text(String message) {
                dispatchText(message);
            }

            @Override
            public void binary(byte[] message) {
                dispatchBinary(message);
            }

            @Override
            public void pong(byte[] data) {
                dispatchPong(data);
            }

            @Override
            public void closed(int code, String reason) {
                socketClosed(code, reason);
            }
        }, pingInterval, pingInterval);
        pipeline.addLast("websocket", connection);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * Tornado's same-origin rule: allowed when the host of {@code Origin} equals the {@code Host} header (port
     * included). Override to allow other origins. IOLoop thread, during the handshake.
     *
     * @param origin the {@code Origin} header
     * @return true to accept the handshake
     */
    protected boolean checkOrigin(String origin) {
        String host = request().headers().get(HttpHeaderNames.HOST);
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null
                    && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Picks one of the subprotocols the client offered; called once per handshake, even with an empty list.
     * IOLoop thread.
     *
     * @param subprotocols the offered subprotocols, in the client's order
     * @return the chosen one, or null for none (the default)
     */
    protected String selectSubprotocol(List<String> subprotocols) {
        return null;
    }

    /**
     * The socket is open; runs once, on the IOLoop, before any message. Does nothing by default.
     *
     * @param args the route's path groups, percent-decoded
     */
    protected void open(String... args) {
    }

    /**
     * A text message arrived. IOLoop thread. Does nothing by default.
     *
     * @param message the whole message
     */
    protected void onMessage(String message) {
    }

    /**
     * A binary message arrived. IOLoop thread. Does nothing by default.
     *
     * @param message the whole message (a copy the handler may keep)
     */
    protected void onMessage(byte[] message) {
    }

    /**
     * A pong arrived. IOLoop thread. Does nothing by default.
     *
     * @param data the pong's payload
     */
    protected void onPong(byte[] data) {
    }

    /**
     * The socket closed, whichever side closed it; runs exactly once, on the IOLoop. Does nothing by default.
     *
     * @param code the close code the peer sent (1005 without one, 1006 when no close frame came)
     * @param reason the close reason, or null
     */
    protected void onClose(int code, String reason) {
    }

    // ---------------------------------------------------------------- output, any thread

    /**
     * Sends a text message. Any thread.
     *
     * @param message the text
     * @return completed when written; failed with {@link WebSocketClosedException} when closing or closed
     */
    public final CompletableFuture<Void> writeMessage(String message) {
        return send(() -> new TextWebSocketFrame(message));
    }

    /**
     * Sends a binary message; the array is copied at the call. Any thread.
     *
     * @param message the bytes
     * @return completed when written; failed with {@link WebSocketClosedException} when closing or closed
     */
    public final CompletableFuture<Void> writeMessage(byte[] message) {
        byte[] copy = message.clone();
        return send(() -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(copy)));
    }

    /**
     * Sends a value as a JSON text message (Tornado writes dicts as JSON). Any thread.
     *
     * @param value a map, record or bean
     * @return completed when written; failed with {@link WebSocketClosedException} when closing or closed
     */
    public final CompletableFuture<Void> writeJson(Object value) {
        return writeMessage(application().jsonMapper().writeValueAsString(value));
    }

    /**
     * Sends a ping; the answer arrives in {@link #onPong}. Any thread.
     *
     * @param data at most 125 bytes
     * @return completed when written
     */
    public final CompletableFuture<Void> ping(byte[] data) {
        if (data.length > 125) {
            throw new IllegalArgumentException("ping payload must be at most 125 bytes");
        }
        byte[] copy = data.clone();
        return send(() -> new PingWebSocketFrame(Unpooled.wrappedBuffer(copy)));
    }

    /** Closes normally (1000). Any thread. */
    public final void close() {
        close(CloseStatus.NORMAL, null);
    }

    /**
     * Starts the close handshake; the socket is aborted if the peer does not answer within 5 seconds. Any thread.
     *
     * @param code the close code
     * @param reason the reason, or null
     */
    public final void close(int code, String reason) {
        onSocketLoop(() -> {
            if (connection != null) {
                connection.close(code, reason);
            }
        });
    }

    /**
     * Tells whether the socket is closed (or the HTTP client went away before the handshake). Any thread.
     *
     * @return true once closed
     */
    @Override
    public boolean isClosed() {
        return socketClosed || super.isClosed();
    }

    /**
     * The close code of a closed socket. Any thread.
     *
     * @return the code, 1006 while open or when no close frame came
     */
    public final int closeCode() {
        return closeCode;
    }

    /**
     * The close reason of a closed socket. Any thread.
     *
     * @return the reason, or null
     */
    public final String closeReason() {
        return closeReason;
    }

    /**
     * The subprotocol chosen by {@link #selectSubprotocol}. Any thread after the handshake.
     *
     * @return the subprotocol, or null
     */
    public final String selectedSubprotocol() {
        return selectedSubprotocol;
    }

    private CompletableFuture<Void> send(java.util.function.Supplier<WebSocketFrame> frame) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!socketOpen || socketClosed) {
            return closedFailure(result);
        }
        onSocketLoop(() -> {
            if (connection == null || connection.isClosing()) {
                closedFailure(result);
                return;
            }
            connection.write(frame.get()).addListener(written -> {
                if (written.isSuccess()) {
                    result.complete(null);
                } else {
                    closedFailure(result);
                }
            });
        });
        return result;
    }

    private CompletableFuture<Void> closedFailure(CompletableFuture<Void> result) {
        GENERAL_LOG.debug("message to a closed WebSocket at {} dropped", LogText.escape(request().uri()));
        result.completeExceptionally(new WebSocketClosedException("WebSocket is closed"));
        return result;
    }

    private void onSocketLoop(Runnable action) {
        IOLoop loop = ioLoop();
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.addCallback(action);
        }
    }

    // ---------------------------------------------------------------- called by WebSocketConnection

    void dispatchText(String message) {
        try {
            onMessage(message);
        } catch (Throwable e) {
            failInHook("onMessage", e);
        }
    }

    void dispatchBinary(byte[] message) {
        try {
            onMessage(message);
        } catch (Throwable e) {
            failInHook("onMessage", e);
        }
    }

    void dispatchPong(byte[] data) {
        try {
            onPong(data);
        } catch (Throwable e) {
            failInHook("onPong", e);
        }
    }

    void socketClosed(int code, String reason) {
        if (socketClosed) {
            return;
        }
        closeCode = code;
        closeReason = reason;
        socketClosed = true;
        try {
            onClose(code, reason);
        } catch (Throwable e) {
            APP_LOG.error("Uncaught exception in onClose of {} {}", getClass().getSimpleName(),
                    LogText.escape(request().uri()), e);
        }
    }

    private void failInHook(String hook, Throwable e) {
        APP_LOG.error("Uncaught exception in {} of {} {}", hook, getClass().getSimpleName(),
                LogText.escape(request().uri()), e);
        connection.close(CloseStatus.INTERNAL_ERROR, "Internal error");
    }
}
