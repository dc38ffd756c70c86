package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 003: Tornado corrupted downloads written from a thread pool; here they must be byte-identical. */
class ExecutorWritesTest {
    private static final int FILE_SIZE = 8 * 1024 * 1024;
    private static final byte[] FILE = new byte[FILE_SIZE];

    static {
        new Random(3).nextBytes(FILE);
    }

    /** The seed's handler, made safe: read 64 KiB chunks into one reused array, write + flush each, on the executor. */
    static final class Download extends RequestHandler {
        public java.util.concurrent.CompletionStage<Void> get() {
            setHeader("Content-Type", "application/octet-stream");
            return runOnExecutor(() -> {
                byte[] chunk = new byte[64 * 1024];
                try (InputStream in = new ByteArrayInputStream(FILE)) {
                    int read;
                    while ((read = in.read(chunk)) > 0) {
                        write(chunk, 0, read);
                        flush().join();
                    }
                }
                finish();
                return null;
            });
        }
    }

    @Test
    void thirtyTwoConcurrentDownloadsWrittenFromExecutorThreadsAllHaveTheFilesHash() throws Exception {
        String expected = FILE_SIZE + " " + sha256(FILE);
        Application app = Application.builder().route("/download", Download::new).accessLog(false).build();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (TestServer server = TestServer.start(app)) {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                hashes.add(clients.submit((Callable<String>) () -> {
                    try (RawHttpClient client = server.connect()) {
                        client.write("GET /download HTTP/1.1\r\nHost: x\r\n\r\n");
                        return client.readHashingBody();
                    }
                }));
            }
            for (Future<String> hash : hashes) {
                assertThat(hash.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
