package org.tornadojava.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.testing.Await;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.RawWebSocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
                "href=\"/old-home\"", "href=\"/error/418\"", "href=\"/blocking?seconds=1\"",
                "href=\"/download/sample.bin\"", "href=\"/login\"", "href=\"/room\"",
                "href=\"/room?transport=websocket\"", "href=\"/logout\"", "href=\"/stats\"", "ws://host/ws/echo",
                "href=\"/admin\"", "href=\"/actuator/health\"", "href=\"/actuator/prometheus\"",
                "href=\"/static/chat.css\"", "href=\"/static/chat.js\"", "href=\"/fortunes\"", "href=\"/blog/\"",
                "href=\"/blog/archive\"", "href=\"/blog/feed\"");
    }

    @Test
    void fortunesListsTheThirteenFortunesSortedAndEscapedThroughTheTemplate() throws Exception {
        RawResponse fortunes = get("/fortunes");
        assertThat(fortunes.status()).isEqualTo(200);
        assertThat(fortunes.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        String html = fortunes.text();
        assertThat(html).startsWith("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>\n<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should "
                + "not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr><tr><td>4</td>")
                .contains("<tr><td>0</td><td>Additional fortune added at request time.</td></tr>")
                .contains("<td>12</td><td>\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1"
                        + "\u30de\u30fc\u30af</td></tr></table></body></html>")
                .doesNotContain("<script>");
        assertThat(html.split("<tr><td>", -1)).hasSize(14);
    }

    @Test
    void actuatorHealthIsUpWithATornadoComponentAndKubernetesProbes() throws Exception {
        RawResponse health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode body = new JsonMapper().readTree(health.text());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("tornado").toString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/liveness").text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health/readiness").text()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusCountsRequestsByRoutePattern() throws Exception {
        assertThat(get("/plaintext").status()).isEqualTo(200);
        assertThat(get("/story/7").status()).isEqualTo(200);
        Await.until(() -> scrape().contains("uri=\"/story/([0-9]+)\""));
        RawResponse scrape = get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        assertThat(scrape.text()).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/plaintext\"")
                .doesNotContain("uri=\"/story/7\"");
    }

    private String scrape() {
        try {
            return get("/actuator/prometheus").text();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void adminAnswersLoopbackClients() throws Exception {
        RawResponse response = get("/admin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(response.text()).isEqualTo("admin ok");
    }

    @Test
    void echoSocketSendsTextAndBinaryMessagesBack() throws Exception {
        try (RawWebSocket socket = new RawWebSocket(port, "/ws/echo")) {
            socket.send(RawWebSocket.TEXT, "héllo".getBytes(StandardCharsets.UTF_8), true);
            RawWebSocket.Frame text = socket.read();
            assertThat(text.opcode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(text.text()).isEqualTo("héllo");
            byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0xfe};
            socket.send(RawWebSocket.BINARY, bytes, true);
            RawWebSocket.Frame binary = socket.read();
            assertThat(binary.opcode()).isEqualTo(RawWebSocket.BINARY);
            assertThat(binary.payload()).isEqualTo(bytes);
        }
    }

    @Test
    void staticFilesShippedInTheJarAreServed() throws Exception {
        RawResponse script = get("/static/chat.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).isEqualTo("text/javascript");
        assertThat(script.header("Etag")).isNotNull();
        assertThat(script.text()).contains("textContent", "/a/message/updates", "/chatsocket")
                .doesNotContain("innerHTML");
        RawResponse css = get("/static/chat.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).isEqualTo("text/css");
        assertThat(get("/static/missing.js").status()).isEqualTo(404);
        assertThat(get("/static/../application.yml").status()).isIn(403, 404);

        String versioned = index().replaceAll("(?s).*href=\"(/static/chat\\.css\\?v=[0-9a-f]+)\".*", "$1");
        RawResponse cached = get(versioned);
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.header("Cache-Control")).isEqualTo("max-age=315360000");
    }

    private String index() throws IOException {
        return get("/").text();
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
        try (DemoServer json = DemoServer.start("--tornado.errors.format=json", "--tornado.access-log=false")) {
            assertThat(RawHttpClient.get(json.port(), "/error/503").text())
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
        try (DemoServer custom = DemoServer.start("--tornado-demo.download-dir=" + dir)) {
            assertThat(RawHttpClient.get(custom.port(), "/download/note.txt").text()).isEqualTo("configured folder");
        } finally {
            Files.delete(dir.resolve("note.txt"));
            Files.delete(dir);
        }
    }
}
