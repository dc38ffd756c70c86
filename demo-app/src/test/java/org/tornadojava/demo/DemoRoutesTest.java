package org.tornadojava.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.ErrorFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRoutesTest {
    private static TestServer server;
    private static BlockingExecutor executor;
    private static Path downloads;

    @BeforeAll
    static void start() {
        executor = new BlockingExecutor(4, 10);
        downloads = DownloadFolder.createDefault();
        server = TestServer.start(DemoApplication.application(ErrorFormat.HTML, false, true, executor, downloads));
    }

    @AfterAll
    static void stop() {
        server.close();
        executor.close();
    }

    @Test
    void indexLinksToTheDemos() throws Exception {
        RawResponse index = server.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).contains("href=\"/plaintext\"", "href=\"/json\"", "href=\"/story/1\"",
                "href=\"/old-home\"", "href=\"/error/418\"");
    }

    @Test
    void plaintextIsHelloWorldAsText() throws Exception {
        RawResponse response = server.get("/plaintext");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(response.text()).isEqualTo("Hello, World!");
    }

    @Test
    void jsonIsTheHelloWorldMessage() throws Exception {
        RawResponse response = server.get("/json");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @Test
    void storyEchoesItsPathArgumentAndRejectsNonDigits() throws Exception {
        assertThat(server.get("/story/42").text()).isEqualTo("You requested story 42");
        assertThat(server.get("/story/abc").status()).isEqualTo(404);
    }

    @Test
    void oldHomeRedirectsPermanentlyToTheIndex() throws Exception {
        RawResponse response = server.get("/old-home");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/");
    }

    @Test
    void errorRouteRaisesTheGivenStatus() throws Exception {
        RawResponse response = server.get("/error/418");
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.text()).isEqualTo(
                "<html><title>418: I&#39;m a Teapot</title><body>418: I&#39;m a Teapot</body></html>");
        assertThat(server.get("/error/200").status()).isEqualTo(400);
    }

    @Test
    void jsonErrorFormatIsSelectable() throws Exception {
        try (TestServer json = TestServer.start(DemoApplication.application(ErrorFormat.JSON, false, false, executor,
                downloads))) {
            assertThat(json.get("/error/503").text()).isEqualTo("{\"status\":503,\"reason\":\"Service Unavailable\"}");
        }
    }

    @Test
    void blockingSleepsOnTheExecutorAndValidatesSeconds() throws Exception {
        RawResponse slept = server.get("/blocking?seconds=0.2");
        assertThat(slept.status()).isEqualTo(200);
        assertThat(slept.text()).isEqualTo("slept 0.2");
        assertThat(server.get("/blocking?seconds=11").status()).isEqualTo(400);
        assertThat(server.get("/blocking?seconds=-1").status()).isEqualTo(400);
        assertThat(server.get("/blocking?seconds=abc").status()).isEqualTo(400);
        assertThat(server.get("/blocking").status()).isEqualTo(400);
    }

    @Test
    void downloadStreamsTheFileIntact() throws Exception {
        RawResponse response = server.get("/download/sample.bin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        byte[] expected = Files.readAllBytes(downloads.resolve("sample.bin"));
        assertThat(response.body()).hasSize(DownloadFolder.SAMPLE_SIZE);
        assertThat(MessageDigest.getInstance("SHA-256").digest(response.body()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected));
    }

    @Test
    void downloadRefusesTraversalAndMissingFiles() throws Exception {
        for (String path : new String[] {"/download/missing.bin", "/download/..%2Fetc%2Fpasswd",
                "/download/a%5Cb", "/download/..", "/download/sub/sample.bin"}) {
            assertThat(server.get(path).status()).as(path).isEqualTo(404);
        }
    }
}
