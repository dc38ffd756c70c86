package org.tornadojava.tcpserver;

import ch.qos.logback.classic.Level;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.iostream.StreamClosedError;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.netutil.Sockets;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.StreamServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TcpServer} over real sockets: the loop it serves on, the ways to start and stop, errors and resets. */
class TcpServerTest {
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

    private static IOLoopGroup loops;
    private TcpServer server;

    @BeforeAll
    static void startLoops() {
        loops = new IOLoopGroup(2, Transport.AUTO);
    }

    @AfterAll
    static void stopLoops() {
        loops.close();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static CompletableFuture<Void> echoLine(IOStream stream) {
        return stream.readUntil(NEWLINE).thenCompose(stream::write);
    }

    private static int port(TcpServer listening) {
        return listening.boundAddresses().get(0).getPort();
    }

    /** Sends one line with a blocking socket and returns the line answered. */
    private static String exchange(int port, String line) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void handleStreamAndTheStreamsFuturesRunOnTheConnectionsLoop() throws Exception {
        CompletableFuture<Boolean> handledOnItsLoop = new CompletableFuture<>();
        CompletableFuture<Boolean> readCompletedOnItsLoop = new CompletableFuture<>();
        server = StreamServer.start(loops, null, (stream, address) -> {
            handledOnItsLoop.complete(IOLoop.current().eventLoop() == stream.channel().eventLoop());
            return stream.readUntil(NEWLINE).thenCompose(line -> {
                readCompletedOnItsLoop.complete(stream.channel().eventLoop().inEventLoop());
                return stream.write(line);
            });
        });

        assertThat(exchange(port(server), "ping")).isEqualTo("ping");
        assertThat(handledOnItsLoop.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(readCompletedOnItsLoop.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void socketsBoundAheadAreServedOnceAdded() throws Exception {
        List<Channel> sockets = Sockets.bindSockets(loops, 0, "127.0.0.1", 16, false);
        int port = ((InetSocketAddress) sockets.get(0).localAddress()).getPort();
        AtomicInteger handled = new AtomicInteger();
        server = new EchoServer(loops, handled);

        server.addSockets(sockets);

        assertThat(exchange(port, "bound first")).isEqualTo("bound first");
        assertThat(handled).hasValue(1);
        assertThat(server.boundAddresses()).extracting(InetSocketAddress::getPort).containsExactly(port);
    }

    @Test
    void bindThenStartServesAndStopRefusesNewConnections() throws Exception {
        server = new EchoServer(loops, new AtomicInteger());
        server.bind(0, "127.0.0.1", 16, false);
        server.start();
        int port = port(server);
        assertThat(exchange(port, "started")).isEqualTo("started");

        server.stop();

        assertThatThrownBy(() -> exchange(port, "too late")).isInstanceOf(ConnectException.class);
    }

    @Test
    void socketsFromAnotherLoopGroupAreRefused() {
        try (IOLoopGroup other = new IOLoopGroup(1, Transport.AUTO)) {
            List<Channel> sockets = Sockets.bindSockets(other, 0, "127.0.0.1", 16, false);
            server = new EchoServer(loops, new AtomicInteger());

            assertThatThrownBy(() -> server.addSockets(sockets)).isInstanceOf(IllegalArgumentException.class);
            sockets.forEach(socket -> socket.close().syncUninterruptibly());
        }
    }

    @Test
    void twoServersShareOnePortWithReusePortOnEpoll() throws Exception {
        try (IOLoopGroup epoll = new IOLoopGroup(1, Transport.EPOLL)) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            EchoServer a = new EchoServer(epoll, first);
            a.bind(0, "127.0.0.1", 16, true);
            a.start();
            EchoServer b = new EchoServer(epoll, second);
            b.bind(port(a), "127.0.0.1", 16, true);
            b.start();
            for (int i = 0; i < 200 && (first.get() == 0 || second.get() == 0); i++) {
                exchange(port(a), "shared");
            }
            a.stop();
            b.stop();
            assertThat(first.get()).isPositive();
            assertThat(second.get()).isPositive();
        }
    }

    @Test
    void reusePortOnNioFailsWithAClearMessage() {
        try (IOLoopGroup nio = new IOLoopGroup(1, Transport.NIO)) {
            assertThatThrownBy(() -> Sockets.bindSockets(nio, 0, "127.0.0.1", 16, true))
                    .hasMessageContaining("reuse-port needs the epoll or io-uring transport");
        }
    }

    @Test
    void aFailedHandlerIsLoggedOnceAndItsStreamClosed() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            server = StreamServer.start(loops, null, (stream, address) -> stream.readUntil(NEWLINE)
                    .thenApply(line -> {
                        throw new IllegalStateException("handler bug");
                    }));

            assertThat(exchange(port(server), "boom")).isNull();
            logs.await("tornado.application", "Error in connection callback");
            assertThat(logs.messagesAtLeast(Level.ERROR)).hasSize(1);
        }
    }

    @Test
    void aPeerResettingMidReadFailsTheReadWithStreamClosedErrorAtDebugOnly() throws Exception {
        CompletableFuture<Throwable> readFailure = new CompletableFuture<>();
        try (LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            server = StreamServer.start(loops, null, (stream, address) -> stream.readUntil(NEWLINE)
                    .whenComplete((line, failure) -> readFailure.complete(failure)));
            try (Socket socket = new Socket("127.0.0.1", port(server))) {
                socket.getOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
                socket.setSoLinger(true, 0);
            }

            Throwable failure = readFailure.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(StreamClosedError.class);
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
            assertThat(logs.messagesAtLeast(Level.INFO)).noneMatch(m -> m.contains("closed while being served"));
        }
    }

    @Test
    void connectionsFromManyClientsAreSpreadOverTheLoops() throws Exception {
        Set<IOLoop> servedOn = ConcurrentHashMap.newKeySet();
        server = StreamServer.start(loops, null, (stream, address) -> {
            servedOn.add(IOLoop.current());
            return echoLine(stream);
        });

        for (int i = 0; i < 4; i++) {
            assertThat(exchange(port(server), "line " + i)).isEqualTo("line " + i);
        }

        assertThat(new HashSet<>(servedOn)).hasSize(loops.loops().size());
    }

    /** Echoes one line per connection and counts the connections. */
    private static final class EchoServer extends TcpServer {
        private final AtomicInteger handled;

        EchoServer(IOLoopGroup loops, AtomicInteger handled) {
            super(loops);
            this.handled = handled;
        }

        @Override
        protected CompletionStage<?> handleStream(IOStream stream, InetSocketAddress address) {
            handled.incrementAndGet();
            return echoLine(stream);
        }
    }
}
