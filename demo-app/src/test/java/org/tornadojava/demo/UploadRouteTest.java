package org.tornadojava.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /upload}: files stored in the upload folder, answered with name, size and SHA-256; unsafe names 400. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4", "tornado.server.max-in-memory-body=64KB"})
class UploadRouteTest {
    private static final String BOUNDARY = "demoUploadBoundary";

    @LocalTornadoPort
    private int port;

    @Autowired
    private UploadFolder folder;

    @Test
    void uploadStoresEveryFilePartAndAnswersNameSizeAndSha256() throws Exception {
        byte[] large = random(300_000, 1);
        byte[] small = random(2_000, 2);
        byte[] body = multipart(new String[] {"large.bin", "small.bin"}, large, small);

        RawResponse response = post(body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.text()).isEqualTo("[{\"name\":\"large.bin\",\"size\":300000,\"sha256\":\"" + sha256(large)
                + "\"},{\"name\":\"small.bin\",\"size\":2000,\"sha256\":\"" + sha256(small) + "\"}]");
        assertThat(Files.readAllBytes(folder.path().resolve("large.bin"))).isEqualTo(large);
        assertThat(Files.readAllBytes(folder.path().resolve("small.bin"))).isEqualTo(small);
    }

    @Test
    void unsafeFileNamesAreRefusedAndNothingIsStored() throws Exception {
        // Netty's decoder already drops control characters and unescapes backslashes in the file name; the names
        // below reach the handler as sent (fileNamesWithSeparatorsDotsOrControlCharactersAreUnsafe checks the rest).
        for (String name : new String[] {"../escape.bin", "sub/dir.bin"}) {
            RawResponse response = post(multipart(new String[] {"fine.bin", name}, random(10, 3), random(10, 4)));
            assertThat(response.status()).as(name).isEqualTo(400);
        }
        assertThat(Files.exists(folder.path().resolve("fine.bin"))).isFalse();
        assertThat(Files.exists(folder.path().getParent().resolve("escape.bin"))).isFalse();
    }

    @Test
    void fileNamesWithSeparatorsDotsOrControlCharactersAreUnsafe() {
        assertThat(UploadHandler.isSafeName("report 2024.pdf")).isTrue();
        assertThat(UploadHandler.isSafeName("été.txt")).isTrue();
        for (String name : new String[] {"", ".", "..", "../x", "a/b", "a\\b", "x..y", "tab\tname", "del\u007f"}) {
            assertThat(UploadHandler.isSafeName(name)).as(name).isFalse();
        }
    }

    @Test
    void indexHasTheUploadForm() throws Exception {
        assertThat(RawHttpClient.get(port, "/").text()).contains("action=\"/upload\"", "name=\"file\"");
    }

    private RawResponse post(byte[] body) throws IOException {
        return RawHttpClient.send(port, "POST", "/upload",
                "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n", body);
    }

    private static byte[] multipart(String[] names, byte[]... contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + names[i] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents[i]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
