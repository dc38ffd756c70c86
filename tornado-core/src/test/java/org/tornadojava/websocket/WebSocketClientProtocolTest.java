package org.tornadojava.websocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawWebSocket;
import org.tornadojava.support.RawWebSocketServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket client against a byte-level server: fragments are joined, and a server breaking the protocol is
 * answered with the RFC close code (1002, 1007, 1009), as read from the wire; a server that stops answering pings
 * is closed with 1011.
 */
class WebSocketClientProtocolTest {
    private static final int FIN = 0x80;
    private static final int RSV1 = 0x40;
    private static WebSocketClient client;

    @BeforeAll
    static void start() {
        client = new WebSocketClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    /**
     * Lets a raw server send {@code frames}, then returns the close code the client answered with, after checking
     * that the client's connection reads null (closed).
     */
    private static Object clientCloseCodeAfter(RawWebSocketServer.Script frames, WebSocketClientOptions options)
            throws Exception {
        try (RawWebSocketServer server = RawWebSocketServer.start(peer -> {
            frames.run(peer);
            return peer.readCloseCode();
        })) {
            WebSocketClientConnection ws = await(client.connect(server.url(), options));
            Object code = await(server.result());
            assertThat(await(ws.readMessage())).isNull();
            return code;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fragmentedMessagesAreJoined() throws Exception {
        try (RawWebSocketServer server = RawWebSocketServer.start(peer -> {
            peer.send(RawWebSocket.TEXT, utf8("hel"));
            peer.send(FIN, utf8("lo"));
            peer.send(RawWebSocket.BINARY, new byte[] {1});
            peer.send(FIN, new byte[] {2, 3});
            return peer.readCloseCode();
        })) {
            WebSocketClientConnection ws = await(client.connect(server.url()));

            assertThat(await(ws.readMessage())).isEqualTo("hello");
            assertThat((byte[]) await(ws.readMessage())).containsExactly(1, 2, 3);
            ws.close();
            assertThat(await(server.result())).isEqualTo(CloseStatus.NORMAL);
        }
    }

    @Test
    void aFrameWithReservedBitsIsAnsweredWith1002() throws Exception {
        assertThat(clientCloseCodeAfter(peer -> {
            peer.send(FIN | RSV1 | RawWebSocket.TEXT, utf8("compressed?"));
            return null;
        }, new WebSocketClientOptions())).isEqualTo(CloseStatus.PROTOCOL_ERROR);
    }

    @Test
    void anInvalidCloseCodeIsAnsweredWith1002() throws Exception {
        assertThat(clientCloseCodeAfter(peer -> {
            peer.send(FIN | RawWebSocket.CLOSE, new byte[] {0x03, (byte) 0xED});
            return null;
        }, new WebSocketClientOptions())).isEqualTo(CloseStatus.PROTOCOL_ERROR);
    }

    @Test
    void invalidUtf8IsAnsweredWith1007() throws Exception {
        assertThat(clientCloseCodeAfter(peer -> {
            peer.send(FIN | RawWebSocket.TEXT, new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28});
            return null;
        }, new WebSocketClientOptions())).isEqualTo(CloseStatus.INVALID_PAYLOAD);
    }

    @Test
    void aFrameOverMaxMessageSizeIsAnsweredWith1009() throws Exception {
        assertThat(clientCloseCodeAfter(peer -> {
            peer.send(FIN | RawWebSocket.BINARY, new byte[200]);
            return null;
        }, new WebSocketClientOptions().maxMessageSize(100))).isEqualTo(CloseStatus.MESSAGE_TOO_BIG);
    }

    @Test
    void fragmentsAddingUpOverMaxMessageSizeAreAnsweredWith1009() throws Exception {
        assertThat(clientCloseCodeAfter(peer -> {
            peer.send(RawWebSocket.TEXT, utf8("x".repeat(60)));
            peer.send(FIN, utf8("x".repeat(60)));
            return null;
        }, new WebSocketClientOptions().maxMessageSize(100))).isEqualTo(CloseStatus.MESSAGE_TOO_BIG);
    }

    @Test
    void aServerThatStopsAnsweringPingsIsClosedWith1011() throws Exception {
        try (RawWebSocketServer server = RawWebSocketServer.start(peer -> {
            RawWebSocket.Frame frame = peer.read();
            while (frame.opcode() == RawWebSocket.PING) {
                frame = peer.read();
            }
            return frame.closeCode() + " " + new String(frame.payload(), 2, frame.payload().length - 2,
                    StandardCharsets.UTF_8);
        })) {
            WebSocketClientConnection ws = await(client.connect(server.url(), new WebSocketClientOptions()
                    .pingInterval(Duration.ofMillis(50))));

            assertThat(await(server.result())).isEqualTo("1011 ping timed out");
            ws.close();
        }
    }
}
