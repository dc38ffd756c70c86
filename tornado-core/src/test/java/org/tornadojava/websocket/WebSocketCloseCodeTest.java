package org.tornadojava.websocket;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.RawWebSocket;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Close frames the peer sends, checked as RFC 6455 section 7.4 says: a bad code fails with 1002, a bad reason 1007. */
class WebSocketCloseCodeTest {
    private static TestServer server;

    static final class Echo extends WebSocketHandler {
        @Override
        protected void onMessage(String message) {
            writeMessage(message);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/ws", Echo::new).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] closePayload(int code, byte[] reason) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(code >> 8);
        payload.write(code & 0xFF);
        payload.writeBytes(reason);
        return payload.toByteArray();
    }

    private static int closeCodeAnswering(byte[] payload) throws Exception {
        try (RawWebSocket socket = new RawWebSocket(server.port(), "/ws")) {
            socket.send(RawWebSocket.CLOSE, payload, true);
            RawWebSocket.Frame answer = socket.read();
            assertThat(answer.opcode()).isEqualTo(RawWebSocket.CLOSE);
            assertThat(socket.isClosedByServer()).isTrue();
            return answer.closeCode();
        }
    }

    @ParameterizedTest(name = "close code {0} fails the connection with 1002")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void anInvalidCloseCodeFailsTheConnectionWithProtocolError(int code) throws Exception {
        try (LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            assertThat(closeCodeAnswering(closePayload(code, new byte[0]))).isEqualTo(1002);
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @ParameterizedTest(name = "close code {0} is echoed")
    @ValueSource(ints = {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999})
    void aValidCloseCodeIsEchoed(int code) throws Exception {
        assertThat(closeCodeAnswering(closePayload(code, "bye".getBytes(StandardCharsets.UTF_8)))).isEqualTo(code);
    }

    @Test
    void aCloseReasonThatIsNotUtf8FailsTheConnectionWithInvalidPayload() throws Exception {
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28};
        assertThat(closeCodeAnswering(closePayload(1000, invalidUtf8))).isEqualTo(1007);
    }

    @Test
    void aCloseFrameWithOnlyOneByteFailsTheConnectionWithProtocolError() throws Exception {
        assertThat(closeCodeAnswering(new byte[] {0x03})).isEqualTo(1002);
    }
}
