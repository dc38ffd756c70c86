package org.tornadojava.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client connection for tests, Tornado's {@code WebSocketClientConnection} as returned by
 * {@code websocket_connect}: write messages, read them one at a time, close. Built on the JDK's
 * {@link WebSocket}; whole messages are delivered (fragments are joined). Obtain one from
 * {@link AsyncHttpTestServer#websocketConnect(String)}.
 *
 * <p>Thread-safe: every method may be called from any thread. The futures complete on the JDK client's threads,
 * never on an IOLoop.
 */
public final class TestWebSocket implements AutoCloseable {
    private final Inbox inbox = new Inbox();
    private final WebSocket socket;

    private TestWebSocket(HttpClient client, URI uri, Duration timeout) {
        this.socket = FutureWaits.await(client.newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(uri, inbox), timeout, "the WebSocket handshake with " + uri);
    }

    static TestWebSocket connect(HttpClient client, URI uri, Duration timeout) {
        return new TestWebSocket(client, uri, timeout);
    }

    /**
     * Sends a text message. Any thread.
     *
     * @param message the text
     * @return completes when the message was handed to the socket
     */
    public CompletableFuture<Void> writeMessage(String message) {
        return socket.sendText(message, true).thenApply(ignored -> null);
    }

    /**
     * Sends a binary message. Any thread.
     *
     * @param message the bytes; not copied, do not change them until the future completes
     * @return completes when the message was handed to the socket
     */
    public CompletableFuture<Void> writeMessage(byte[] message) {
        return socket.sendBinary(ByteBuffer.wrap(message), true).thenApply(ignored -> null);
    }

    /**
     * The next message the server sent, like Tornado's {@code read_message()}. Any thread.
     *
     * @return completes with a {@code String} (text) or a {@code byte[]} (binary) message, or with null once the
     *         connection is closed and every message before the close was read
     */
    public CompletableFuture<Object> readMessage() {
        return inbox.next();
    }

    /**
     * Reads the next message, which must be text, waiting up to {@link AsyncTestTimeout#get()}. Not on an IOLoop.
     *
     * @return the text
     * @throws AssertionError when no message arrives in time, the connection closed or the message is binary
     */
    public String readText() {
        Object message = FutureWaits.await(readMessage(), AsyncTestTimeout.get(), "a WebSocket message");
        if (!(message instanceof String text)) {
            throw new AssertionError(message == null ? "the WebSocket closed (code " + closeCode() + ") instead of "
                    + "sending a text message" : "expected a text message, got " + ((byte[]) message).length
                    + " binary bytes");
        }
        return text;
    }

    /**
     * Completes when the server's close frame arrived (or the connection broke), Tornado's {@code close_code}.
     * Any thread.
     *
     * @return the close code the server sent (1005 when it sent none, 1006 when the connection broke)
     */
    public CompletableFuture<Integer> closed() {
        return inbox.closeCode.copy();
    }

    /**
     * The close code, once closed. Any thread.
     *
     * @return the code, or null while the connection is open
     */
    public Integer closeCode() {
        return inbox.closeCode.getNow(null);
    }

    /**
     * The close reason, once closed. Any thread.
     *
     * @return the reason (empty when the server gave none), or null while the connection is open
     */
    public String closeReason() {
        return inbox.closeReason;
    }

    /**
     * Sends a close frame with the code and reason, Tornado's {@code close(code, reason)}. Any thread.
     *
     * @param code the close code, e.g. 1000
     * @param reason the reason, may be empty
     * @return completes when the close frame was sent
     */
    public CompletableFuture<Void> close(int code, String reason) {
        return socket.sendClose(code, reason).thenApply(ignored -> null);
    }

    /** Closes with 1000 if still open and drops the connection. Any thread. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
        socket.abort();
    }

    /** Collects whole messages and hands them to readers in order. */
    private static final class Inbox implements WebSocket.Listener {
        private static final Object CLOSED = new Object();

        private final Queue<Object> messages = new ArrayDeque<>();
        private final Queue<CompletableFuture<Object>> readers = new ArrayDeque<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private ByteBuffer binary = ByteBuffer.allocate(0);
        private volatile String closeReason;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                deliver(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            ByteBuffer joined = ByteBuffer.allocate(binary.remaining() + data.remaining());
            joined.put(binary).put(data).flip();
            binary = joined;
            if (last) {
                byte[] bytes = new byte[binary.remaining()];
                binary.get(bytes);
                deliver(bytes);
                binary = ByteBuffer.allocate(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            deliver(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason = String.valueOf(error.getMessage());
            closeCode.complete(1006);
            deliver(CLOSED);
        }

        synchronized CompletableFuture<Object> next() {
            Object message = messages.peek();
            if (message == CLOSED) {
                return CompletableFuture.completedFuture(null);
            }
            if (message != null) {
                return CompletableFuture.completedFuture(messages.remove());
            }
            CompletableFuture<Object> reader = new CompletableFuture<>();
            readers.add(reader);
            return reader;
        }

        private void deliver(Object message) {
            CompletableFuture<Object> reader;
            synchronized (this) {
                reader = readers.poll();
                if (reader == null || message == CLOSED) {
                    messages.add(message);
                }
            }
            if (reader != null) {
                reader.complete(message == CLOSED ? null : message);
            }
            if (message == CLOSED) {
                completeWaitingReaders();
            }
        }

        private void completeWaitingReaders() {
            CompletableFuture<Object> reader;
            while ((reader = pollReader()) != null) {
                reader.complete(null);
            }
        }

        private synchronized CompletableFuture<Object> pollReader() {
            return readers.poll();
        }
    }
}
