package org.tornadojava.demo.chat;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket listener that queues whole text and binary messages for a test to take, with a deadline. */
final class SocketInbox implements WebSocket.Listener {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private ByteBuffer binary = ByteBuffer.allocate(0);
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
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
            messages.add(bytes);
            binary = ByteBuffer.allocate(0);
        }
        webSocket.request(1);
        return null;
    }

    /** The next message (a String or a byte[]), waiting up to 10 seconds. */
    Object next() throws InterruptedException {
        Object message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no WebSocket message within " + TIMEOUT);
        }
        return message;
    }

    String nextText() throws InterruptedException {
        return (String) next();
    }

    /** True when nothing is queued now. */
    boolean isEmpty() {
        return messages.isEmpty();
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
