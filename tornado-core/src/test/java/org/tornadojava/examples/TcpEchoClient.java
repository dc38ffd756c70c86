package org.tornadojava.examples;

import org.tornadojava.iostream.IOStream;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.tcpclient.TcpClient;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tornado's {@code demos/tcpecho/client.py} in Java (docs/tcp.md): connects, sends one line, reads the answer.
 * {@code main} takes {@code --host} (default localhost), {@code --port} (default 9888) and {@code --message}
 * (default ping).
 */
public final class TcpEchoClient {
    private static final byte[] NEWLINE = {'\n'};

    private TcpEchoClient() {
    }

    /**
     * Sends the message as one line and reads the server's line back.
     *
     * @param client the TCP client
     * @param host the server's host
     * @param port the server's port
     * @param message the text to send, without a newline
     * @return the answer without its newline
     */
    public static CompletableFuture<String> sendMessage(TcpClient client, String host, int port, String message) {
        return client.connect(host, port).thenCompose(stream -> exchange(stream, message));
    }

    private static CompletableFuture<String> exchange(IOStream stream, String message) {
        return stream.write((message + "\n").getBytes(StandardCharsets.UTF_8))
                .thenCompose(written -> stream.readUntil(NEWLINE))
                .thenApply(reply -> new String(reply, StandardCharsets.UTF_8).strip())
                .whenComplete((reply, failure) -> stream.close());
    }

    /** Sends {@code --message} to {@code --host}:{@code --port} and prints the answer, like the Python demo. */
    public static void main(String[] args) throws Exception {
        String host = "localhost";
        int port = 9888;
        String message = "ping";
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                host = arg.substring("--host=".length());
            } else if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--message=")) {
                message = arg.substring("--message=".length());
            }
        }
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO); TcpClient client = new TcpClient(loops)) {
            String reply = sendMessage(client, host, port, message).get(30, TimeUnit.SECONDS);
            System.out.println("Sent to server: " + message);
            System.out.println("Response from server: " + reply);
        }
    }
}
