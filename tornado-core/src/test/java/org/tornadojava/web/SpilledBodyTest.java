package org.tornadojava.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.http.UploadedFile;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.testing.Await;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies above {@code max-in-memory-body} spill to a temporary file, multipart bodies are decoded while
 * they arrive with their file parts on disk, and every temporary file is gone once the request ended however it
 * ended.
 */
class SpilledBodyTest {
    private static final int THRESHOLD = 64 * 1024;
    private static final CompletableFuture<Boolean> SEEN_SPILLED = new CompletableFuture<>();

    @TempDir
    Path spillDir;
    private TestServer server;

    /** Answers {@code spilled|bodyLength|title|notesLength|name:size:sha256:onDisk,...} for the {@code file} parts. */
    static final class Hashes extends RequestHandler {
        public void post() throws IOException {
            StringBuilder out = new StringBuilder();
            out.append(request().bodyPath() != null).append('|').append(request().body().length).append('|')
                    .append(getBodyArgument("title", "")).append('|')
                    .append(getBodyArgument("notes", "").length()).append('|');
            for (UploadedFile file : getFiles("file")) {
                out.append(file.filename()).append(':').append(file.size()).append(':').append(sha256(file))
                        .append(':').append(file.path() != null).append(',');
            }
            write(out.toString());
        }
    }

    /** Hashes the raw body: {@code spilled|size|sha256}. */
    static final class Raw extends RequestHandler {
        public void post() {
            write((request().bodyPath() != null) + "|" + request().bodySize() + "|"
                    + MultipartBodies.sha256(request().body()));
        }
    }

    /** Sees the file part on disk, then fails. */
    static final class Failing extends RequestHandler {
        public void post() {
            Path part = getFiles("file").get(0).path();
            SEEN_SPILLED.complete(part != null && Files.exists(part));
            throw new HttpError(400);
        }
    }

    @BeforeEach
    void start() {
        server = TestServer.start(Application.builder()
                        .route("/hashes", Hashes::new)
                        .route("/raw", Raw::new)
                        .route("/failing", Failing::new)
                        .build(),
                new HttpServerOptions().maxInMemoryBody(THRESHOLD).bodyTempDirectory(spillDir));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void multipartBodyAboveTheThresholdIsDecodedWhileItArrivesWithItsFilePartsOnDisk() throws Exception {
        byte[] large = MultipartBodies.random(700_000, 1);
        byte[] small = MultipartBodies.random(1_000, 2);
        byte[] body = MultipartBodies.builder().field("title", "holiday").field("notes", "n".repeat(100_000))
                .file("file", "large.bin", large).file("file", "small.bin", small).end();

        RawResponse response = server.send("POST", "/hashes", MultipartBodies.CONTENT_TYPE, body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("false|0|holiday|100000|large.bin:700000:"
                + MultipartBodies.sha256(large) + ":true,small.bin:1000:" + MultipartBodies.sha256(small) + ":true,");
        awaitNoTemporaryFiles();
    }

    @Test
    void filePartIsWrittenToItsOwnFileWhileTheBodyArrivesAndDeletedWhenTheClientLeaves() throws Exception {
        byte[] body = MultipartBodies.builder().file("file", "big.bin", MultipartBodies.random(2_000_000, 9)).end();
        try (RawHttpClient client = server.connect()) {
            client.write("POST /hashes HTTP/1.1\r\nHost: t\r\n" + MultipartBodies.CONTENT_TYPE + "Content-Length: "
                    + body.length + "\r\n\r\n");
            client.write(Arrays.copyOf(body, 1_000_000));
            Await.until(() -> temporaryFiles().stream().anyMatch(SpilledBodyTest::isNonEmptyPartFile));
            assertThat(temporaryFiles()).noneMatch(file -> file.getFileName().toString().startsWith("tornado-body-"));
        }
        awaitNoTemporaryFiles();
        Await.until(() -> openFilesIn(spillDir) == 0);
    }

    /** How many of this process's file descriptors point into {@code folder} (0 where /proc is missing). */
    private static long openFilesIn(Path folder) {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return 0;
        }
        try (Stream<Path> fds = Files.list(descriptors)) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith(folder.toString());
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void multipartBodyRefusedWhileItArrivesIs400AndLeavesNoFiles() throws Exception {
        MultipartBodies parts = MultipartBodies.builder().file("file", "big.bin", MultipartBodies.random(100_000, 10));
        for (int i = 0; i < 100; i++) {
            parts.field("field" + i, "value");
        }
        byte[] body = parts.end();

        RawResponse response = server.send("POST", "/hashes", MultipartBodies.CONTENT_TYPE, body);

        assertThat(response.status()).isEqualTo(400);
        awaitNoTemporaryFiles();
    }

    @Test
    void multipartBodyBelowTheThresholdStaysInMemory() throws Exception {
        byte[] content = MultipartBodies.random(10_000, 3);
        byte[] body = MultipartBodies.builder().file("file", "a.bin", content).end();

        RawResponse response = server.send("POST", "/hashes", MultipartBodies.CONTENT_TYPE, body);

        assertThat(response.text()).isEqualTo("false|" + body.length + "||0|a.bin:10000:"
                + MultipartBodies.sha256(content) + ":false,");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void spilledRawBodyIsReadBackWhole() throws Exception {
        byte[] body = MultipartBodies.random(300_000, 4);

        RawResponse response = server.send("POST", "/raw", "Content-Type: application/octet-stream\r\n", body);

        assertThat(response.text()).isEqualTo("true|300000|" + MultipartBodies.sha256(body));
        awaitNoTemporaryFiles();
    }

    @Test
    void chunkedBodyThatGrowsPastTheThresholdIsSpilled() throws Exception {
        byte[] body = MultipartBodies.random(200_000, 5);
        try (RawHttpClient client = server.connect()) {
            client.write("POST /raw HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int offset = 0; offset < body.length; offset += 50_000) {
                client.write(Integer.toHexString(50_000) + "\r\n");
                client.write(Arrays.copyOfRange(body, offset, offset + 50_000));
                client.write("\r\n");
            }
            client.write("0\r\n\r\n");
            assertThat(client.read("POST").text()).isEqualTo("true|200000|" + MultipartBodies.sha256(body));
        }
        awaitNoTemporaryFiles();
    }

    @Test
    void temporaryFilesAreDeletedAfterTheHandlerFails() throws Exception {
        byte[] body = MultipartBodies.builder().file("file", "big.bin", MultipartBodies.random(500_000, 6)).end();

        RawResponse response = server.send("POST", "/failing", MultipartBodies.CONTENT_TYPE, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(SEEN_SPILLED.get(5, TimeUnit.SECONDS)).isTrue();
        awaitNoTemporaryFiles();
    }

    @Test
    void truncatedSpilledMultipartBodyIs400AndLeavesNoFiles() throws Exception {
        byte[] whole = MultipartBodies.builder().file("file", "big.bin", MultipartBodies.random(200_000, 7)).end();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);

        RawResponse response = server.send("POST", "/hashes", MultipartBodies.CONTENT_TYPE, truncated);

        assertThat(response.status()).isEqualTo(400);
        awaitNoTemporaryFiles();
    }

    @Test
    void spilledBodyIsDeletedWhenTheClientGoesAwayMidUpload() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("POST /raw HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n");
            client.write(MultipartBodies.random(200_000, 8));
            Await.until(() -> !temporaryFiles().isEmpty());
        }
        awaitNoTemporaryFiles();
    }

    private static boolean isNonEmptyPartFile(Path file) {
        try {
            return file.getFileName().toString().startsWith("tornado-upload-") && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitNoTemporaryFiles() {
        Await.until(() -> temporaryFiles().isEmpty());
    }

    private List<Path> temporaryFiles() {
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(UploadedFile file) throws IOException {
        MessageDigest digest = MultipartBodies.newSha256();
        try (InputStream in = new DigestInputStream(file.inputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
