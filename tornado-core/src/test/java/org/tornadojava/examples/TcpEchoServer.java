package org.tornadojava.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.iostream.StreamClosedError;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.tcpserver.TcpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Tornado's {@code demos/tcpecho/server.py} in Java (docs/tcp.md): answers every line with the same line until the
 * client goes away. {@code main} listens on {@code --port} (default 9888).
 */
public final class TcpEchoServer extends TcpServer {
    private static final Logger LOG = LoggerFactory.getLogger(TcpEchoServer.class);
    private static final byte[] NEWLINE = {'\n'};

    /**
     * An echo server on the loops.
     *
     * @param loops the IOLoops that accept and serve connections
     */
    public TcpEchoServer(IOLoopGroup loops) {
        super(loops);
    }

    @Override
    protected CompletionStage<?> handleStream(IOStream stream, InetSocketAddress address) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        echoNextLine(stream, address, done);
        return done;
    }

    /** One turn of Tornado's {@code while True} loop: read a line, write it back, go again. */
    private void echoNextLine(IOStream stream, InetSocketAddress address, CompletableFuture<Void> done) {
        stream.readUntil(NEWLINE)
                .thenCompose(data -> {
                    LOG.info("Received bytes: {}", new String(data, StandardCharsets.UTF_8).strip());
                    return stream.write(data);
                })
                .whenComplete((written, failure) -> {
                    if (failure == null) {
                        echoNextLine(stream, address, done);
                    } else if (unwrap(failure) instanceof StreamClosedError) {
                        LOG.info("Lost client at host {}", address.getHostString());
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Listens on {@code --port=N} (default 9888) until the process is stopped. */
    public static void main(String[] args) {
        int port = 9888;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        TcpEchoServer server = new TcpEchoServer(new IOLoopGroup(0, Transport.AUTO));
        server.listen(port, null);
        LOG.info("Listening on TCP port {}", port);
    }
}
