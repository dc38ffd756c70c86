package org.tornadojava.websocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.httpclient.HttpRequest;
import org.tornadojava.support.PythonTornado;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java WebSocket client against Python Tornado's WebSocket server ({@code python/ws_server.py}, run with
 * Debian's {@code /usr/bin/python3}). Skipped only where that interpreter or module is missing.
 */
class PythonTornadoServerTest {
    private static PythonTornado.Server python;
    private static WebSocketClient client;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PythonTornado.available(), "Python Tornado is not installed at "
                + PythonTornado.PYTHON);
        python = PythonTornado.startServer("/python/ws_server.py");
        client = new WebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (python != null) {
            python.close();
        }
    }

    private static String url() {
        return "ws://127.0.0.1:" + python.port() + "/echo";
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void tornadosServerEchoesTextAndBinaryAndClosesWithItsCode() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url()));
        ws.writeMessage("hello from java");
        ws.writeMessage(new byte[] {0, 1, (byte) 254, (byte) 255});

        assertThat(await(ws.readMessage())).isEqualTo("hello from java");
        assertThat((byte[]) await(ws.readMessage())).containsExactly(0, 1, 254, 255);

        ws.writeMessage("close-me");
        assertThat(await(ws.readMessage())).isNull();
        assertThat(ws.closeCode()).isEqualTo(CloseStatus.GOING_AWAY);
        assertThat(ws.closeReason()).isEqualTo("goodbye");
    }

    @Test
    void compressionCookiesAndSubprotocolsWorkWithTornado() throws Exception {
        CompletableFuture<String> pong = new CompletableFuture<>();
        HttpRequest request = HttpRequest.builder("http://127.0.0.1:" + python.port() + "/echo")
                .header("Cookie", "user=ann").build();
        WebSocketClientConnection ws = await(client.connect(request, new WebSocketClientOptions()
                .compression(true)
                .subprotocols(List.of("chat.v1", "chat.v2"))
                .onPong(data -> pong.complete(new String(data, StandardCharsets.UTF_8)))));

        assertThat(await(ws.readMessage())).isEqualTo("hello ann");
        assertThat(ws.selectedSubprotocol()).isEqualTo("chat.v2");
        assertThat(ws.handshakeHeaders().get("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
        String text = "squeeze ".repeat(400);
        ws.writeMessage(text);
        assertThat(await(ws.readMessage())).isEqualTo(text);
        ws.ping("p".getBytes(StandardCharsets.UTF_8));
        assertThat(await(pong)).isEqualTo("p");
        ws.close(4001, "done");
        assertThat(await(ws.readMessage())).isNull();
        assertThat(ws.closeCode()).isEqualTo(4001);
    }

    @Test
    void aMessageOverTheClientsLimitFromTornadoClosesWith1009() throws Exception {
        WebSocketClientConnection ws = await(client.connect(url(),
                new WebSocketClientOptions().maxMessageSize(1000)));
        ws.writeMessage("big");

        assertThat(await(ws.readMessage())).isNull();
        assertThat(ws.isClosed()).isTrue();
    }
}
