package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.websocket.WebSocketHandler;

/** {@code GET /ws/echo}: a WebSocket that sends every text and binary message back as it came. IOLoop thread. */
@Handler("/ws/echo")
class EchoSocketHandler extends WebSocketHandler {

    @Override
    protected void onMessage(String message) {
        writeMessage(message);
    }

    @Override
    protected void onMessage(byte[] message) {
        writeMessage(message);
    }
}
