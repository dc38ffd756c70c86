package org.tornadojava.demo;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.Curl;
import org.tornadojava.support.Http2Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's routes over HTTP/2 (h2c with prior knowledge): Netty's HTTP/2 client and curl. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class Http2RoutesTest {
    @LocalTornadoPort
    private int port;

    @Autowired
    private DownloadFolder downloads;

    private Http2Client client;

    @BeforeEach
    void connect() throws Exception {
        client = Http2Client.cleartext(port);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static byte[] form(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plaintextAndJsonAnswerAsOnHttp11() throws Exception {
        Http2Client.Response plaintext = client.get("/plaintext");
        assertThat(plaintext.text()).isEqualTo("Hello, World!");
        assertThat(plaintext.headers().get("content-type")).isEqualTo("text/plain; charset=UTF-8");
        Http2Client.Response json = client.get("/json");
        assertThat(json.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
        assertThat(json.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void aMatchingEtagGets304() throws Exception {
        String etag = client.get("/story/3").headers().get("etag");
        assertThat(etag).isNotNull();
        Http2Client.Response again = client.request(HttpMethod.GET, "/story/3", headers("if-none-match", etag), null);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void redirectsErrorPagesAnd405() throws Exception {
        Http2Client.Response moved = client.get("/old-home");
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.headers().get("location")).isEqualTo("/");
        Http2Client.Response missing = client.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).isEqualTo("<html><title>404: Not Found</title><body>404: Not Found</body></html>");
        assertThat(client.get("/error/418").status()).isEqualTo(418);
        assertThat(client.request(HttpMethod.DELETE, "/plaintext", null, null).status()).isEqualTo(405);
    }

    @Test
    void loginCookieOpensTheRoomAndALongPollGetsTheNextMessage() throws Exception {
        HttpHeaders formType = headers("content-type", "application/x-www-form-urlencoded");
        Http2Client.Response login = client.request(HttpMethod.POST, "/login", formType, form("username=alice"));
        assertThat(login.status()).isEqualTo(302);
        String cookie = login.headers().get("set-cookie").split(";", 2)[0];
        assertThat(cookie).startsWith("user=");
        assertThat(client.request(HttpMethod.GET, "/room", headers("cookie", cookie), null).text()).contains("alice");

        HttpHeaders authenticated = headers("content-type", "application/x-www-form-urlencoded", "cookie", cookie);
        CompletableFuture<Http2Client.Response> poll = client.send(HttpMethod.POST, "/a/message/updates",
                authenticated, form("cursor="));
        Http2Client.Response sent = client.request(HttpMethod.POST, "/a/message/new", authenticated,
                form("body=over+h2"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(poll.get(30, TimeUnit.SECONDS).text()).contains("\"body\":\"over h2\"", "\"from\":\"alice\"");
    }

    @Test
    void theExecutorDownloadArrivesByteExact() throws Exception {
        Http2Client.Response response = client.get("/download/sample.bin");
        assertThat(response.status()).isEqualTo(200);
        byte[] expected = Files.readAllBytes(downloads.path().resolve("sample.bin"));
        assertThat(response.body()).hasSize(DownloadFolder.SAMPLE_SIZE);
        assertThat(MessageDigest.getInstance("SHA-256").digest(response.body()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected));
    }

    @Test
    void curlUploadsAMultipartFileOverHttp2(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 5];
        new Random(11).nextBytes(bytes);
        Path file = Files.write(dir.resolve("upload.bin"), bytes);
        Curl.Result result = Curl.run("--http2-prior-knowledge", "-w", "\n%{http_version}", "-F", "file=@" + file,
                "http://127.0.0.1:" + port + "/upload");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(result.stdout()).contains("\"size\":" + bytes.length, "\"sha256\":\"" + sha + "\"").endsWith("\n2");
    }

    @Test
    void curlUpgradesToHttp2AndGetsThePlaintext() throws Exception {
        Curl.Result result = Curl.run("--http2", "-w", "\n%{http_version}", "http://127.0.0.1:" + port + "/plaintext");
        assertThat(result.stdout()).isEqualTo("Hello, World!\n2");
    }
}
