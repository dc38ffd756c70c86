package org.tornadojava.demo;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 2: downloads to clients that stopped reading must not take the executor's threads from other
 * routes. More stalled downloads than pool threads are started, then {@code /blocking?seconds=0} must be answered
 * while they are all still stalled (before, each download parked a pool thread on {@code flush().join()}).
 */
class SlowReadersTest {
    private static final int EXECUTOR_THREADS = 2;
    private static final int SLOW_READERS = 12;

    @Test
    void downloadsToClientsThatStoppedReadingLeaveTheExecutorToOtherRoutes() throws Exception {
        List<Socket> readers = new ArrayList<>();
        try (DemoServer server = DemoServer.start("--tornado.executor.threads=" + EXECUTOR_THREADS,
                "--tornado.server.write-timeout=10m")) {
            try {
                for (int i = 0; i < SLOW_READERS; i++) {
                    readers.add(stalledDownload(server.port()));
                }
                CompletableFuture<RawResponse> blocking = CompletableFuture.supplyAsync(() -> get(server.port()));
                RawResponse answer = blocking.get(60, TimeUnit.SECONDS);
                assertThat(answer.text()).isEqualTo("slept 0");
                for (Socket reader : readers) {
                    assertThat(reader.isClosed()).isFalse();
                }
            } finally {
                for (Socket reader : readers) {
                    reader.close();
                }
            }
        }
    }

    /** Asks for the 10 MiB sample with a tiny receive window and never reads: the download stalls. */
    private static Socket stalledDownload(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write("GET /download/sample.bin HTTP/1.1\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static RawResponse get(int port) {
        try {
            return RawHttpClient.get(port, "/blocking?seconds=0");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
