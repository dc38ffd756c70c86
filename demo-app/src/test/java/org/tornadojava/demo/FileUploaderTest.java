package org.tornadojava.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.httpclient.AsyncHttpClient;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.spring.boot.test.LocalTornadoPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port of Tornado's {@code file_uploader.py} against the demo: a streamed multipart POST to {@code /upload} and
 * streamed raw PUTs to {@code /upload/name}; the stored files have the SHA-256 of the originals. Same properties as
 * {@code DemoRoutesTest}, so it shares that cached context (switching contexts pauses the chat tests' one).
 */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class FileUploaderTest {
    private static AsyncHttpClient client;
    private static FileUploader uploader;

    @LocalTornadoPort
    private int port;

    @Autowired
    private UploadFolder folder;

    @TempDir
    Path originals;

    @BeforeAll
    static void start() {
        client = new AsyncHttpClient();
        uploader = new FileUploader(client);
    }

    @AfterAll
    static void stop() {
        uploader.shutdown();
        client.close();
    }

    private Path file(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(originals.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void postSendsEveryFileInOneStreamedMultipartRequest() throws Exception {
        Path large = file("uploader-large.bin", 1_500_003, 11);
        Path text = file("uploader-notes.txt", 5_000, 12);

        HttpResponse response = uploader.post("http://127.0.0.1:" + port + "/upload", List.of(large, text))
                .get(60, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo("[{\"name\":\"uploader-large.bin\",\"size\":1500003,\"sha256\":\""
                + sha256(large) + "\"},{\"name\":\"uploader-notes.txt\",\"size\":5000,\"sha256\":\"" + sha256(text)
                + "\"}]");
        assertThat(sha256(folder.path().resolve("uploader-large.bin"))).isEqualTo(sha256(large));
        assertThat(sha256(folder.path().resolve("uploader-notes.txt"))).isEqualTo(sha256(text));
    }

    @Test
    void putStreamsEachFileRawToItsOwnUrl() throws Exception {
        Path first = file("put one.bin", 700_001, 21);
        Path second = file("put-two.bin", 10, 22);

        List<HttpResponse> responses = uploader.put("http://127.0.0.1:" + port + "/upload", List.of(first, second))
                .get(60, TimeUnit.SECONDS);

        assertThat(responses).extracting(HttpResponse::text).containsExactly(
                "[{\"name\":\"put one.bin\",\"size\":700001,\"sha256\":\"" + sha256(first) + "\"}]",
                "[{\"name\":\"put-two.bin\",\"size\":10,\"sha256\":\"" + sha256(second) + "\"}]");
        assertThat(sha256(folder.path().resolve("put one.bin"))).isEqualTo(sha256(first));
        assertThat(sha256(folder.path().resolve("put-two.bin"))).isEqualTo(sha256(second));
        try (var left = Files.list(folder.path())) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void anUnsafeNameIsRefusedBeforeTheBodyIsRead() throws Exception {
        Path file = file("fine.bin", 100, 31);

        HttpResponse response = client.fetch(org.tornadojava.httpclient.HttpRequest.builder(
                "http://127.0.0.1:" + port + "/upload/..").method("PUT").body(Files.readAllBytes(file))
                .raiseError(false).build()).get(20, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(400);
    }
}
