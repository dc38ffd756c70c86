package org.tornadojava.http;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code write-timeout}: a response the client stops reading is cut off; one that keeps moving is not. */
class WriteTimeoutTest {
    private static final int CHUNK = 64 * 1024;
    private static final long BODY = 16L * 1024 * 1024;
    private static volatile CompletableFuture<Throwable> cutOff = new CompletableFuture<>();

    /** Streams {@link #BODY} bytes, writing each chunk once the previous one reached the socket. */
    static final class Stream extends RequestHandler {
        private final byte[] chunk = new byte[CHUNK];
        private long sent;

        public CompletionStage<Void> get() {
            setHeader("Content-Length", BODY);
            return next().whenComplete((done, error) -> {
                if (error != null) {
                    cutOff.complete(error);
                }
            });
        }

        private CompletionStage<Void> next() {
            if (sent == BODY) {
                return CompletableFuture.completedFuture(null);
            }
            write(chunk);
            sent += CHUNK;
            return flush().thenCompose(ignored -> next());
        }
    }

    private static TestServer start(Duration writeTimeout) {
        cutOff = new CompletableFuture<>();
        return TestServer.start(Application.builder().route("/stream", Stream::new).accessLog(false).build(),
                new HttpServerOptions().writeTimeout(writeTimeout));
    }

    private static Socket slowReader(int port) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    void aResponseTheClientStopsReadingIsClosedAfterTheWriteTimeout() throws Exception {
        try (TestServer server = start(Duration.ofMillis(300));
             LogCapture logs = LogCapture.of("tornado");
             Socket socket = slowReader(server.port())) {
            assertThat(cutOff.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamClosedException.class);
            long received = drain(socket);
            assertThat(received).isLessThan(BODY);
            assertThat(logs.messagesOf("tornado.general")).filteredOn(m -> m.contains("not read by the client"))
                    .hasSize(1);
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aResponseThatKeepsMovingIsNotCutOffHoweverLongItTakes() throws Exception {
        try (TestServer server = start(Duration.ofMillis(300));
             RawHttpClient client = server.connect()) {
            client.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            client.socket().setSoTimeout(30_000);
            assertThat(client.read("GET").body()).hasSize((int) BODY);
            assertThat(cutOff).isNotDone();
        }
    }

    /** Reads what is left until the server's close; returns the byte count. */
    private static long drain(Socket socket) throws Exception {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (SocketException reset) {
            return total;
        }
        return total;
    }
}
