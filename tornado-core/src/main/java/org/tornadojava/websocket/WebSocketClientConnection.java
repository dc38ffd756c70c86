package org.tornadojava.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An open client WebSocket, Tornado's {@code WebSocketClientConnection}: read messages with {@link #readMessage()}
 * (or receive them through {@link WebSocketClientOptions#onMessage}), write them with {@link #writeMessage}, ping,
 * close. Obtained from {@link WebSocketClient#connect}.
 *
 * <pre>{@code
 * WebSocketClientConnection ws = client.connect("ws://localhost:8888/ws/echo").join();
 * ws.writeMessage("hello");
 * ws.readMessage().thenAccept(message -> ...);     // "hello"; null once the connection closed
 * }</pre>
 *
 * <p>While a message waits for {@code readMessage()} the client stops reading from the socket, so a slow reader
 * holds back the server instead of buffering without bound (Tornado does the same).
 *
 * <h2>Threading</h2>
 * The connection lives on one IOLoop ({@link #ioLoop()}). Every method may be called from any thread; calls from
 * other threads are handed to the loop in call order. Futures and callbacks complete on the connection's loop.
 */
public final class WebSocketClientConnection {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Channel channel;
    private final IOLoop loop;
    private final String subprotocol;
    private final HttpHeaders handshakeHeaders;
    private final Consumer<Object> onMessage;
    private final Consumer<byte[]> onPong;
    private final Queue<Object> received = new ArrayDeque<>();
    private final Queue<CompletableFuture<Object>> readers = new ArrayDeque<>();
    private WebSocketConnection frames;
    private volatile boolean closed;
    private volatile int closeCode = CloseStatus.ABNORMAL;
    private volatile String closeReason;

    WebSocketClientConnection(Channel channel, IOLoop loop, String subprotocol, HttpHeaders handshakeHeaders,
                              WebSocketClientOptions options) {
        this.channel = channel;
        this.loop = loop;
        this.subprotocol = subprotocol;
        this.handshakeHeaders = handshakeHeaders;
        this.onMessage = options.onMessage();
        this.onPong = options.onPong();
    }

    /** Creates the frame handler that feeds this connection; called once, on the loop, after the handshake. */
    WebSocketConnection attachFrames(WebSocketClientOptions options) {
        frames = new WebSocketConnection(new Listener(), options.pingInterval(), options.pingTimeout());
        return frames;
    }

    /**
     * The next message from the server, Tornado's {@code read_message()}. Any thread.
     *
     * @return completes on the connection's loop with a {@code String} (text) or {@code byte[]} (binary) message,
     *         or with null once the connection is closed and every earlier message was read; always null when an
     *         {@code onMessage} callback receives the messages
     */
    public CompletableFuture<Object> readMessage() {
        CompletableFuture<Object> result = new CompletableFuture<>();
        onLoop(() -> {
            Object message = received.poll();
            if (message != null) {
                resumeReadingWhenDrained();
                result.complete(message);
            } else if (closed || onMessage != null) {
                result.complete(null);
            } else {
                readers.add(result);
            }
        });
        return result;
    }

    /**
     * Sends a text message. Any thread.
     *
     * @param message the text
     * @return completes on the loop once the frame was written to the socket (wait on it for backpressure); fails
     *         with {@link WebSocketClosedException} when the connection is closing or closed
     */
    public CompletableFuture<Void> writeMessage(String message) {
        return send(() -> new TextWebSocketFrame(message));
    }

    /**
     * Sends a binary message; the array is copied at the call. Any thread.
     *
     * @param message the bytes
     * @return completes on the loop once the frame was written to the socket; fails with
     *         {@link WebSocketClosedException} when the connection is closing or closed
     */
    public CompletableFuture<Void> writeMessage(byte[] message) {
        byte[] copy = message.clone();
        return send(() -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(copy)));
    }

    /**
     * Sends a ping; the server's pong reaches {@link WebSocketClientOptions#onPong}. Any thread.
     *
     * @param data at most 125 bytes; copied at the call
     * @return completes on the loop once the ping was written
     * @throws IllegalArgumentException when the payload is longer than 125 bytes
     */
    public CompletableFuture<Void> ping(byte[] data) {
        if (data.length > 125) {
            throw new IllegalArgumentException("ping payload must be at most 125 bytes");
        }
        byte[] copy = data.clone();
        return send(() -> new PingWebSocketFrame(Unpooled.wrappedBuffer(copy)));
    }

    /** Closes normally (1000). Any thread. */
    public void close() {
        close(CloseStatus.NORMAL, null);
    }

    /**
     * Starts the close handshake; the socket is aborted when the server does not answer within 5 seconds. Does
     * nothing when already closing. Any thread.
     *
     * @param code the close code (1000, 1001, 1003, 1007-1014 or 3000-4999)
     * @param reason the reason, or null
     * @throws IllegalArgumentException when the code may not be sent in a close frame
     */
    public void close(int code, String reason) {
        if (!CloseStatus.isValidInFrame(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        onLoop(() -> frames.close(code, reason));
    }

    /**
     * Tells whether the connection is closed. Any thread.
     *
     * @return true once the socket closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The close code the server sent. Any thread.
     *
     * @return the code, 1005 when its close frame had none, 1006 while open or when no close frame came
     */
    public int closeCode() {
        return closeCode;
    }

    /**
     * The close reason the server sent. Any thread.
     *
     * @return the reason, or null
     */
    public String closeReason() {
        return closeReason;
    }

    /**
     * The subprotocol the server picked from {@link WebSocketClientOptions#subprotocols()}. Any thread.
     *
     * @return the subprotocol, or null when none was picked
     */
    public String selectedSubprotocol() {
        return subprotocol;
    }

    /**
     * The headers of the server's handshake response (its {@code Set-Cookie}, {@code Sec-WebSocket-Extensions},
     * ...). Any thread.
     *
     * @return a copy of the headers, taken at the handshake
     */
    public HttpHeaders handshakeHeaders() {
        return handshakeHeaders;
    }

    /**
     * The loop this connection lives on, where its futures and callbacks complete. Any thread.
     *
     * @return the loop
     */
    public IOLoop ioLoop() {
        return loop;
    }

    private CompletableFuture<Void> send(Supplier<WebSocketFrame> frame) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        onLoop(() -> {
            if (frames.isClosing()) {
                GENERAL_LOG.debug("message to closed WebSocket {} dropped", channel.remoteAddress());
                result.completeExceptionally(new WebSocketClosedException("WebSocket is closed"));
                return;
            }
            frames.write(frame.get()).addListener(written -> {
                if (written.isSuccess()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(new WebSocketClosedException("WebSocket is closed"));
                }
            });
        });
        return result;
    }

    private void onLoop(Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.addCallback(action);
        }
    }

    private void deliver(Object message) {
        if (onMessage != null) {
            callBack(message);
        } else if (!readers.isEmpty()) {
            readers.poll().complete(message);
        } else {
            received.add(message);
            channel.config().setAutoRead(false);
        }
    }

    private void resumeReadingWhenDrained() {
        if (received.isEmpty() && !closed) {
            channel.config().setAutoRead(true);
        }
    }

    private void callBack(Object message) {
        try {
            onMessage.accept(message);
        } catch (RuntimeException e) {
            APP_LOG.error("Uncaught exception in the onMessage callback of the WebSocket to {}",
                    channel.remoteAddress(), e);
            if (message != null) {
                frames.close(CloseStatus.INTERNAL_ERROR, "Internal error");
            }
        }
    }

    /** Receives what the frame handler decoded; IOLoop thread. */
    private final class Listener implements FrameListener {
        @Override
        public void text(String message) {
            deliver(message);
        }

        @Override
        public void binary(byte[] message) {
            deliver(message);
        }

        @Override
        public void pong(byte[] data) {
            if (onPong != null) {
                try {
                    onPong.accept(data);
                } catch (RuntimeException e) {
                    APP_LOG.error("Uncaught exception in the onPong callback of the WebSocket to {}",
                            channel.remoteAddress(), e);
                }
            }
        }

        @Override
        public void closed(int code, String reason) {
            closeCode = code;
            closeReason = reason;
            closed = true;
            CompletableFuture<Object> reader;
            while ((reader = readers.poll()) != null) {
                reader.complete(null);
            }
            if (onMessage != null) {
                callBack(null);
            }
        }
    }
}
