package org.tornadojava.websocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The handshake rules Tornado's websocket_test checks, over raw sockets. */
class WebSocketHandshakeTest {
    private static TestServer server;

    static final class Echo extends WebSocketHandler {
        @Override
        protected void onMessage(String message) {
            writeMessage(message);
        }

        @Override
        protected String selectSubprotocol(List<String> subprotocols) {
            return subprotocols.contains("goodproto") ? "goodproto" : null;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/echo", Echo::new).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawResponse handshake(String extraHeaders) throws Exception {
        return server.send("GET", "/echo", "Upgrade: websocket\r\nConnection: Upgrade\r\n" + extraHeaders, null);
    }

    @Test
    void aPlainGetOnAWebSocketRouteIs400() throws Exception {
        RawResponse response = server.get("/echo");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).isEqualTo("Can \"Upgrade\" only to \"WebSocket\".");
    }

    @Test
    void aMissingKeyIs400() throws Exception {
        assertThat(handshake("Sec-WebSocket-Version: 13\r\n").status()).isEqualTo(400);
    }

    @Test
    void anUnsupportedVersionIs426NamingVersion13() throws Exception {
        RawResponse response =
                handshake("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 12\r\n");
        assertThat(response.status()).isEqualTo(426);
        assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");
    }

    @Test
    void aForeignOriginIs403AndTheSameOriginOrNoneIsAccepted() throws Exception {
        String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        String host = "127.0.0.1:" + server.port();
        assertThat(handshake(key + "Origin: http://evil.example\r\n").status()).isEqualTo(403);
        assertThat(handshake(key + "Origin: http://sub." + host + "\r\n").status()).isEqualTo(403);
        assertThat(handshake(key + "Origin: " + host + "\r\n").status()).isEqualTo(403);
        assertThat(server.send("GET", "/echo", "Upgrade: websocket\r\nConnection: Upgrade\r\n" + key
                + "Origin: http://" + host + "\r\n", null).status()).isEqualTo(101);
        RawResponse none = handshake(key);
        assertThat(none.status()).isEqualTo(101);
        assertThat(none.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(none.header("Content-Type")).isNull();
    }

    @Test
    void theHandlersSubprotocolChoiceIsAnswered() throws Exception {
        RawResponse response = handshake("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: badproto, goodproto\r\n");
        assertThat(response.status()).isEqualTo(101);
        assertThat(response.header("Sec-WebSocket-Protocol")).isEqualTo("goodproto");
    }
}
