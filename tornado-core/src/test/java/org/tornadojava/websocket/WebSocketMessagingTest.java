package org.tornadojava.websocket;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawWebSocket;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketMessagingTest {
    private static TestServer server;
    static final CompletableFuture<Throwable> WRITE_AFTER_CLOSE = new CompletableFuture<>();
    static final List<String> OPENED = new CopyOnWriteArrayList<>();
    static final CompletableFuture<String> SERVER_PONG = new CompletableFuture<>();

    static final class Echo extends WebSocketHandler {
        @Override
        protected void open(String... args) {
            OPENED.add(String.join(",", args));
        }

        @Override
        protected void onMessage(String message) {
            switch (message) {
                case "close-me": close(CloseStatus.GOING_AWAY, "goodbye"); break;
                case "boom": throw new IllegalStateException("handler bug");
                case "from-thread":
                    new Thread(() -> {
                        for (int i = 0; i < 100; i++) {
                            writeMessage("t" + i);
                        }
                    }).start();
                    break;
                case "ping-me": ping("hi".getBytes(StandardCharsets.UTF_8)); break;
                default: writeMessage(message);
            }
        }

        @Override
        protected void onMessage(byte[] message) {
            writeMessage(message);
        }

        @Override
        protected void onPong(byte[] data) {
            SERVER_PONG.complete(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        protected void onClose(int code, String reason) {
            writeMessage("too late").whenComplete((v, e) -> WRITE_AFTER_CLOSE.complete(e));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/echo/(.*)", Echo::new)
                .websocketMaxMessageSize(1024)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A JDK WebSocket client that queues what it receives. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<String> closeReason = new CompletableFuture<>();
        final CompletableFuture<String> pong = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        WebSocket socket;

        static Client connect(String path) throws Exception {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), client).get(5, TimeUnit.SECONDS);
            return client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.add(bytes);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pong.complete(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            closeReason.complete(reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        Object next() throws InterruptedException {
            Object message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message within 5 s").isNotNull();
            return message;
        }
    }

    @Test
    void textAndBinaryMessagesAreEchoedAndOpenGetsThePathArguments() throws Exception {
        Client client = Client.connect("/echo/room42");
        client.socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("hello");
        client.socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}), true).get(5, TimeUnit.SECONDS);
        assertThat((byte[]) client.next()).containsExactly(0, 1, 0xff);
        assertThat(OPENED).contains("room42");
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void fragmentedMessagesArriveWholeAndInOrder() throws Exception {
        Client client = Client.connect("/echo/x");
        client.socket.sendText("hel", false).get(5, TimeUnit.SECONDS);
        client.socket.sendText("lo ", false).get(5, TimeUnit.SECONDS);
        client.socket.sendText("world", true).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            client.socket.sendText("m" + i, true).get(5, TimeUnit.SECONDS);
        }
        assertThat(client.next()).isEqualTo("hello world");
        for (int i = 0; i < 50; i++) {
            assertThat(client.next()).isEqualTo("m" + i);
        }
    }

    @Test
    void writesFromAnotherThreadArriveInCallOrder() throws Exception {
        Client client = Client.connect("/echo/x");
        client.socket.sendText("from-thread", true);
        for (int i = 0; i < 100; i++) {
            assertThat(client.next()).isEqualTo("t" + i);
        }
    }

    @Test
    void aMessageOverTheLimitClosesWith1009EvenWhenFragmented() throws Exception {
        Client whole = Client.connect("/echo/x");
        whole.socket.sendText("x".repeat(2000), true);
        assertThat(whole.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
        Client fragmented = Client.connect("/echo/x");
        // The server closes as soon as the fragments pass the limit, so later sends may fail: that is the point.
        for (int i = 0; i < 5 && !fragmented.closed.isDone(); i++) {
            fragmented.socket.sendText("y".repeat(300), false).handle((ws, e) -> null).get(5, TimeUnit.SECONDS);
        }
        assertThat(fragmented.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void theServerClosesWithTheGivenCodeAndReason() throws Exception {
        Client client = Client.connect("/echo/x");
        client.socket.sendText("close-me", true);
        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(client.closeReason.get()).isEqualTo("goodbye");
    }

    @Test
    void writingToAClosedSocketFailsWithWebSocketClosedExceptionQuietly() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado")) {
            Client client = Client.connect("/echo/x");
            client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            assertThat(WRITE_AFTER_CLOSE.get(5, TimeUnit.SECONDS)).isInstanceOf(WebSocketClosedException.class);
            assertThat(logs.messagesAtLeast(Level.INFO)).noneMatch(m -> m.contains("closed WebSocket"));
        }
    }

    @Test
    void anExceptionInOnMessageClosesWith1011AndIsLoggedOnce() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            Client client = Client.connect("/echo/x");
            client.socket.sendText("boom", true);
            assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1011);
            assertThat(logs.messagesOf("tornado.application")).filteredOn(m -> m.contains("onMessage")).hasSize(1);
        }
    }

    @Test
    void pingsAreAnsweredBothWays() throws Exception {
        Client client = Client.connect("/echo/x");
        client.socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
        assertThat(client.pong.get(5, TimeUnit.SECONDS)).isEqualTo("are you there");
        client.socket.sendText("ping-me", true);
        assertThat(SERVER_PONG.get(5, TimeUnit.SECONDS)).isEqualTo("hi");
    }

    @Test
    void invalidUtf8InATextMessageClosesWith1007() throws Exception {
        try (RawWebSocket raw = new RawWebSocket(server.port(), "/echo/x")) {
            raw.send(RawWebSocket.TEXT, new byte[] {(byte) 0xc3, (byte) 0x28}, true);
            RawWebSocket.Frame frame = raw.read();
            assertThat(frame.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(frame.closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void aCloseHandshakeThePeerDoesNotAnswerIsAbortedAfterFiveSeconds() throws Exception {
        try (RawWebSocket raw = new RawWebSocket(server.port(), "/echo/x")) {
            raw.send(RawWebSocket.TEXT, "close-me".getBytes(StandardCharsets.UTF_8), true);
            long start = System.nanoTime();
            RawWebSocket.Frame frame = raw.read();
            assertThat(frame.closeCode()).isEqualTo(1001);
            assertThat(raw.isClosedByServer()).isTrue();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waited).isBetween(4500L, 9000L);
        }
    }

    @Test
    void aPeerThatStopsAnsweringPingsIsClosed() throws Exception {
        Application pinging = Application.builder().route("/echo/(.*)", Echo::new)
                .websocketPingInterval(Duration.ofMillis(100)).build();
        try (TestServer pingServer = TestServer.start(pinging);
             RawWebSocket raw = new RawWebSocket(pingServer.port(), "/echo/x")) {
            RawWebSocket.Frame frame = raw.read();
            while (frame.opcode() == RawWebSocket.PING) {
                frame = raw.read();
            }
            assertThat(frame.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(frame.text()).contains("ping timed out");
        }
    }
}
