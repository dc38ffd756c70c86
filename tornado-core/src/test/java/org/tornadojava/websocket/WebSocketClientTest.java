package org.tornadojava.websocket;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.httpclient.HttpClientError;
import org.tornadojava.httpclient.HttpConnectionError;
import org.tornadojava.httpclient.HttpRequest;
import org.tornadojava.httpclient.HttpTimeoutError;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebSocket client against this project's server: messages, close codes both ways, options, TLS. */
class WebSocketClientTest {
    private static final BlockingQueue<String> SERVER_CLOSES = new LinkedBlockingQueue<>();
    private static TestServer server;
    private static WebSocketClient client;

    /**
     * Echoes text and binary; "close-me" closes with 1001, "big" answers 200 bytes. Its close code and reason are
     * recorded under the query argument {@code id}.
     */
    static final class Echo extends WebSocketHandler {
        @Override
        protected void onMessage(String message) {
            switch (message) {
                case "close-me" -> close(CloseStatus.GOING_AWAY, "goodbye");
                case "big" -> writeMessage("x".repeat(200));
                default -> writeMessage(message);
            }
        }

        @Override
        protected void onMessage(byte[] message) {
            writeMessage(message);
        }

        @Override
        protected void onClose(int code, String reason) {
            SERVER_CLOSES.add(getArgument("id", "") + ": " + code + " " + reason);
        }
    }

    /** Tells what the handshake carried: a cookie, a header and the chosen subprotocol. */
    static final class Handshake extends WebSocketHandler {
        @Override
        public void prepare() {
            setHeader("X-Server", "seen");
        }

        @Override
        protected String selectSubprotocol(List<String> subprotocols) {
            return subprotocols.contains("chat.v2") ? "chat.v2" : null;
        }

        @Override
        protected void open(String... args) {
            writeMessage(getCookie("user") + " " + request().headers().get("X-Client"));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/echo", Echo::new)
                .route("/handshake", Handshake::new)
                .websocketCompression(true)
                .build());
        client = new WebSocketClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String url(String path) {
        return "ws://127.0.0.1:" + server.port() + path;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /** Waits for the server side of the socket opened with {@code ?id=id} to close; returns "code reason". */
    private static String serverCloseOf(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String close = SERVER_CLOSES.poll(1, TimeUnit.SECONDS);
            if (close != null && close.startsWith(id + ": ")) {
                return close.substring(id.length() + 2);
            }
        }
        throw new AssertionError("the server did not close the socket " + id);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail");
    }

    @Test
    void echoesTextAndBinaryMessagesInOrder() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo")));
        ws.writeMessage("one");
        ws.writeMessage(new byte[] {0, 1, (byte) 254, (byte) 255});
        ws.writeMessage("three");

        assertThat(await(ws.readMessage())).isEqualTo("one");
        assertThat((byte[]) await(ws.readMessage())).containsExactly(0, 1, 254, 255);
        assertThat(await(ws.readMessage())).isEqualTo("three");
        ws.close();
    }

    @Test
    void futuresCompleteOnTheConnectionsLoop() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo")));
        CompletableFuture<IOLoop> readOn = ws.readMessage().thenApply(message -> IOLoop.currentOrNull());

        ws.writeMessage("hi");

        assertThat(await(readOn)).isSameAs(ws.ioLoop());
        assertThat(client.loops().loops()).contains(ws.ioLoop());
        ws.close();
    }

    @Test
    void aServerCloseGivesNullReadsAndTheServersCodeAndReason() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo")));
        ws.writeMessage("close-me");

        assertThat(await(ws.readMessage())).isNull();
        assertThat(ws.closeCode()).isEqualTo(CloseStatus.GOING_AWAY);
        assertThat(ws.closeReason()).isEqualTo("goodbye");
        assertThat(ws.isClosed()).isTrue();
        assertThat(await(ws.readMessage())).isNull();
        assertThat(failureOf(ws.writeMessage("late"))).isInstanceOf(WebSocketClosedException.class);
    }

    @Test
    void aClientCloseReachesTheServerWithItsCodeAndReason() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo?id=client-close")));

        ws.close(4000, "bye");

        assertThat(serverCloseOf("client-close")).isEqualTo("4000 bye");
        assertThat(await(ws.readMessage())).isNull();
        assertThat(ws.closeCode()).isEqualTo(4000);
    }

    @Test
    void onMessageCallbackGetsEveryMessageThenNullAtClose() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocketClientConnection ws = await(client.connect(url("/echo"), new WebSocketClientOptions()
                .onMessage(message -> {
                    if (message == null) {
                        closed.complete(null);
                    } else {
                        seen.add(message);
                    }
                })));
        ws.writeMessage("a");
        ws.writeMessage("b");
        ws.writeMessage("close-me");

        await(closed);
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void compressionIsNegotiatedAndMessagesSurviveIt() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo"),
                new WebSocketClientOptions().compression(true)));
        String text = "compress me ".repeat(1000);
        ws.writeMessage(text);

        assertThat(await(ws.readMessage())).isEqualTo(text);
        assertThat(ws.handshakeHeaders().get("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
        ws.close();
    }

    @Test
    void withoutCompressionNoExtensionIsNegotiated() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo")));

        assertThat(ws.handshakeHeaders().get("Sec-WebSocket-Extensions")).isNull();
        ws.close();
    }

    @Test
    void aMessageOverMaxMessageSizeClosesWith1009() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo?id=too-big"),
                new WebSocketClientOptions().maxMessageSize(100)));
        ws.writeMessage("big");

        assertThat(await(ws.readMessage())).isNull();
        assertThat(serverCloseOf("too-big")).startsWith("1009 ");
    }

    @Test
    void aPingIsAnsweredWithItsPayload() throws Exception {
        CompletableFuture<String> pong = new CompletableFuture<>();
        WebSocketClientConnection ws = await(client.connect(url("/echo"), new WebSocketClientOptions()
                .onPong(data -> pong.complete(new String(data, StandardCharsets.UTF_8)))));

        ws.ping("abc".getBytes(StandardCharsets.UTF_8));

        assertThat(await(pong)).isEqualTo("abc");
        assertThatThrownBy(() -> ws.ping(new byte[126])).isInstanceOf(IllegalArgumentException.class);
        ws.close();
    }

    @Test
    void handshakeCarriesHeadersCookiesAndSubprotocols() throws Exception {
        HttpRequest request = HttpRequest.builder("http://127.0.0.1:" + server.port() + "/handshake")
                .header("Cookie", "user=ann")
                .header("X-Client", "java")
                .build();
        WebSocketClientConnection ws = await(client.connect(request, new WebSocketClientOptions()
                .subprotocols(List.of("chat.v1", "chat.v2"))));

        assertThat(await(ws.readMessage())).isEqualTo("ann java");
        assertThat(ws.selectedSubprotocol()).isEqualTo("chat.v2");
        assertThat(ws.handshakeHeaders().get("X-Server")).isEqualTo("seen");
        ws.close();
    }

    @Test
    void aServerPickingNoSubprotocolIsAccepted() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/handshake"), new WebSocketClientOptions()
                .subprotocols(List.of("other"))));

        assertThat(ws.selectedSubprotocol()).isNull();
        ws.close();
    }

    @Test
    void aRefusedHandshakeFailsWithTheStatus() throws Exception {
        Throwable error = failureOf(client.connect(url("/no-such-socket")));

        assertThat(error).isInstanceOf(HttpClientError.class);
        assertThat(((HttpClientError) error).code()).isEqualTo(404);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Throwable error = failureOf(client.connect("ws://127.0.0.1:" + silent.getLocalPort() + "/",
                    new WebSocketClientOptions().connectTimeout(Duration.ofMillis(200))));

            assertThat(error).isInstanceOf(HttpTimeoutError.class);
        }
    }

    @Test
    void aClosedPortFailsWithAConnectionError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThat(failureOf(client.connect("ws://127.0.0.1:" + port + "/")))
                .isInstanceOf(HttpConnectionError.class);
    }

    @Test
    void urlsThatAreNotWebSocketUrlsAreRefused() {
        assertThatThrownBy(() -> client.connect("ftp://127.0.0.1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.connect("/relative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPingTimeoutLongerThanTheIntervalIsRefused() {
        WebSocketClientOptions options = new WebSocketClientOptions().pingInterval(Duration.ofSeconds(1))
                .pingTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.connect(url("/echo"), options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds pingInterval");
    }

    @Test
    void anExceptionInTheOnMessageCallbackClosesWith1011() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url("/echo?id=callback-bug"), new WebSocketClientOptions()
                .onMessage(message -> {
                    if (message != null) {
                        throw new IllegalStateException("callback bug");
                    }
                })));
        try (LogCapture log = LogCapture.of("tornado.application")) {
            ws.writeMessage("trigger");

            assertThat(serverCloseOf("callback-bug")).isEqualTo("1011 Internal error");
            assertThat(log.messagesOf("tornado.application")).anyMatch(line -> line.contains("onMessage callback"));
        }
    }

    @Test
    void wssWithTheServersCaFileWorksAndAnUntrustedCertificateIsRefused() throws Exception {
        X509Bundle certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .rsa2048().setIsCertificateAuthority(true).buildSelfSigned();
        Path certificatePem = certificate.toTempCertChainPem().toPath();
        try (TestServer tls = TestServer.start(Application.builder().route("/echo", Echo::new).build(),
                new HttpServerOptions().ssl(certificatePem, certificate.toTempPrivateKeyPem().toPath()))) {
            String url = "wss://localhost:" + tls.port() + "/echo";
            WebSocketClientConnection ws = await(client.connect(url,
                    new WebSocketClientOptions().caCertificates(certificatePem)));
            ws.writeMessage("secret");
            assertThat(await(ws.readMessage())).isEqualTo("secret");
            ws.close();

            assertThat(failureOf(client.connect(url))).isInstanceOf(HttpConnectionError.class)
                    .hasMessageContaining("TLS handshake");
        }
    }
}
