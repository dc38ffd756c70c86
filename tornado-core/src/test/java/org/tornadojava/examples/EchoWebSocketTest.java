package org.tornadojava.examples;

import org.junit.jupiter.api.Test;
import org.tornadojava.testing.AsyncHttpTest;
import org.tornadojava.testing.AsyncHttpTestServer;
import org.tornadojava.testing.TestApplication;
import org.tornadojava.testing.TestWebSocket;
import org.tornadojava.web.Application;
import org.tornadojava.websocket.WebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket example of docs/testing.md: websocketConnect, one application for the whole class. */
@AsyncHttpTest
class EchoWebSocketTest {
    static class EchoHandler extends WebSocketHandler {
        @Override
        protected void onMessage(String message) {
            writeMessage("You said: " + message);
        }
    }

    @TestApplication
    static final Application APP = Application.builder().route("/echo", EchoHandler::new).build();

    @Test
    void echoes(AsyncHttpTestServer server) {
        try (TestWebSocket socket = server.websocketConnect("/echo")) {
            socket.writeMessage("hello");
            assertThat(socket.readText()).isEqualTo("You said: hello");
        }
    }
}
