package org.tornadojava.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class DemoRoutesTest {
    @LocalTornadoPort
    private int port;

    @Autowired
    private DownloadFolder downloads;

    private RawResponse get(String path) throws IOException {
        return RawHttpClient.get(port, path);
    }

    @Test
    void indexLinksToTheDemos() throws Exception {
        RawResponse index = get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).contains("href=\"/plaintext\"", "href=\"/json\"", "href=\"/story/1\"",
                "href=\"/old-home\"", "href=\"/error/418\"");
    }

    @Test
    void plaintextIsHelloWorldAsText() throws Exception {
        RawResponse response = get("/plaintext");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(response.text()).isEqualTo("Hello, World!");
    }

    @Test
    void jsonIsTheHelloWorldMessage() throws Exception {
        RawResponse response = get("/json");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @Test
    void storyEchoesItsPathArgumentAndRejectsNonDigits() throws Exception {
        assertThat(get("/story/42").text()).isEqualTo("You requested story 42");
        assertThat(get("/story/abc").status()).isEqualTo(404);
    }

    @Test
    void oldHomeRedirectsPermanentlyToTheIndex() throws Exception {
        RawResponse response = get("/old-home");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/");
    }

    @Test
    void errorRouteRaisesTheGivenStatus() throws Exception {
        RawResponse response = get("/error/418");
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.text()).isEqualTo(
                "<html><title>418: I&#39;m a Teapot</title><body>418: I&#39;m a Teapot</body></html>");
        assertThat(get("/error/200").status()).isEqualTo(400);
    }

    @Test
    void jsonErrorFormatIsSelectable() throws Exception {
        try (ConfigurableApplicationContext json = new SpringApplicationBuilder(DemoApplication.class).run(
                "--tornado.server.port=0", "--tornado.server.address=127.0.0.1", "--tornado.ioloop.threads=1",
                "--tornado.errors.format=json", "--tornado.access-log=false")) {
            int jsonPort = json.getEnvironment().getRequiredProperty("local.tornado.port", Integer.class);
            assertThat(RawHttpClient.get(jsonPort, "/error/503").text())
                    .isEqualTo("{\"status\":503,\"reason\":\"Service Unavailable\"}");
        }
    }

    @Test
    void blockingSleepsOnTheExecutorAndValidatesSeconds() throws Exception {
        RawResponse slept = get("/blocking?seconds=0.2");
        assertThat(slept.status()).isEqualTo(200);
        assertThat(slept.text()).isEqualTo("slept 0.2");
        assertThat(get("/blocking?seconds=11").status()).isEqualTo(400);
        assertThat(get("/blocking?seconds=-1").status()).isEqualTo(400);
        assertThat(get("/blocking?seconds=abc").status()).isEqualTo(400);
        assertThat(get("/blocking").status()).isEqualTo(400);
    }

    @Test
    void downloadStreamsTheFileIntact() throws Exception {
        RawResponse response = get("/download/sample.bin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        byte[] expected = Files.readAllBytes(downloads.path().resolve("sample.bin"));
        assertThat(response.body()).hasSize(DownloadFolder.SAMPLE_SIZE);
        assertThat(MessageDigest.getInstance("SHA-256").digest(response.body()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected));
    }

    @Test
    void downloadRefusesTraversalAndMissingFiles() throws Exception {
        for (String path : new String[] {"/download/missing.bin", "/download/..%2Fetc%2Fpasswd",
                "/download/a%5Cb", "/download/..", "/download/sub/sample.bin"}) {
            assertThat(get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void downloadDirIsConfigurable() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("demo-downloads");
        Files.writeString(dir.resolve("note.txt"), "configured folder");
        try (ConfigurableApplicationContext custom = new SpringApplicationBuilder(DemoApplication.class).run(
                "--tornado.server.port=0", "--tornado.server.address=127.0.0.1", "--tornado.ioloop.threads=1",
                "--tornado-demo.download-dir=" + dir)) {
            int customPort = custom.getEnvironment().getRequiredProperty("local.tornado.port", Integer.class);
            assertThat(RawHttpClient.get(customPort, "/download/note.txt").text()).isEqualTo("configured folder");
        } finally {
            Files.delete(dir.resolve("note.txt"));
            Files.delete(dir);
        }
    }
}
