package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.testing.Await;
import org.tornadojava.support.RawHttpClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 256 MB multipart upload to a server in a JVM with a 64 MB heap and 64 MB of direct memory (the 1 GB
 * figure is measured by {@code bench/run.sh upload}): the body spills to disk, the part is parsed from the file,
 * and the server answers the part's SHA-256 without an OutOfMemoryError or a leak report. The child runs with
 * {@code advanced} leak detection: {@code paranoid} records a stack trace on every buffer access, which makes the
 * decoder's byte-wise scan of 256 MB take many minutes ({@link SpilledBodyTest} covers the same path paranoid).
 */
class LargeUploadForkTest {
    private static final long PART_SIZE = 256L * 1024 * 1024;
    private static final int BLOCK = 64 * 1024;

    @Test
    void largeMultipartUploadIsParsedInASmallHeap() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:MaxDirectMemorySize=64m", "-Dio.netty.leakDetection.level=advanced",
                "-cp", System.getProperty("java.class.path"), UploadServerMain.class.getName())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> collect(server, output), "fork-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Await.until(() -> output.stream().anyMatch(line -> line.startsWith("PORT ")) || !server.isAlive(),
                    Duration.ofSeconds(60));
            int port = Integer.parseInt(output.stream().filter(line -> line.startsWith("PORT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("server did not start: " + output)).substring(5));

            String answer = upload(port);

            assertThat(answer).isEqualTo("big.bin:" + PART_SIZE + ":" + expectedSha256());
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(output).noneMatch(line -> line.contains("LEAK") || line.contains("OutOfMemoryError"));
    }

    /** Streams the multipart body in 64 KiB blocks and returns the response text. */
    private static String upload(int port) throws Exception {
        String boundary = MultipartBodies.BOUNDARY;
        byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] epilogue = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = preamble.length + PART_SIZE + epilogue.length;
        try (RawHttpClient client = new RawHttpClient(port)) {
            client.socket().setSoTimeout(300_000);
            client.write("POST /upload HTTP/1.1\r\nHost: t\r\n" + MultipartBodies.CONTENT_TYPE
                    + "Content-Length: " + length + "\r\n\r\n");
            client.write(preamble);
            Random random = new Random(11);
            byte[] block = new byte[BLOCK];
            for (long sent = 0; sent < PART_SIZE; sent += BLOCK) {
                random.nextBytes(block);
                client.write(block);
            }
            client.write(epilogue);
            return client.read("POST").text();
        }
    }

    private static String expectedSha256() {
        MessageDigest digest = MultipartBodies.newSha256();
        Random random = new Random(11);
        byte[] block = new byte[BLOCK];
        for (long hashed = 0; hashed < PART_SIZE; hashed += BLOCK) {
            random.nextBytes(block);
            digest.update(block);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void collect(Process process, List<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("output closed: " + e);
        }
    }
}
