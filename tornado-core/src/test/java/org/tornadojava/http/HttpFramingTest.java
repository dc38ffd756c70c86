package org.tornadojava.http;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests sent as raw bytes, and what the server answers: the table in issue #4's closing note. */
class HttpFramingTest {
    private static TestServer server;

    static final class Echo extends RequestHandler {
        public void get() {
            write("ok");
        }

        public void post() {
            write("got " + new String(request().body(), StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void start() {
        Application app = Application.builder().route("/echo", Echo::new).build();
        server = TestServer.start(app, new HttpServerOptions().maxBodySize(4096).maxHeaderSize(1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badRequests() {
        String h = "Host: x\r\n";
        return Stream.of(
                Arguments.of("garbage request line", "this is not http\r\n\r\n", 400),
                Arguments.of("header line without colon", "GET /echo HTTP/1.1\r\n" + h + "NoColonHere\r\n\r\n", 400),
                Arguments.of("header block over max-header-size", "GET /echo HTTP/1.1\r\n" + h + "X-Big: "
                        + "a".repeat(2000) + "\r\n\r\n", 431),
                Arguments.of("Content-Length over max-body-size (no body sent)", "POST /echo HTTP/1.1\r\n" + h
                        + "Content-Length: 1000000\r\n\r\n", 413),
                Arguments.of("two different Content-Length values", "POST /echo HTTP/1.1\r\n" + h
                        + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
                Arguments.of("Content-Length with Transfer-Encoding", "POST /echo HTTP/1.1\r\n" + h
                        + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding gzip", "POST /echo HTTP/1.1\r\n" + h
                        + "Transfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("Transfer-Encoding gzip, chunked", "POST /echo HTTP/1.1\r\n" + h
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding twice", "POST /echo HTTP/1.1\r\n" + h
                        + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("bad chunk size 1_a", "POST /echo HTTP/1.1\r\n" + h
                        + "Transfer-Encoding: chunked\r\n\r\n1_a\r\n1234567890\r\n0\r\n\r\n", 400),
                Arguments.of("Content-Length +10", "POST /echo HTTP/1.1\r\n" + h + "Content-Length: +10\r\n\r\n"
                        + "0123456789", 400),
                Arguments.of("Content-Length 1_0", "POST /echo HTTP/1.1\r\n" + h + "Content-Length: 1_0\r\n\r\n"
                        + "0123456789", 400),
                Arguments.of("Content-Length foo", "POST /echo HTTP/1.1\r\n" + h + "Content-Length: foo\r\n\r\n", 400),
                Arguments.of("invalid Host", "GET /echo HTTP/1.1\r\nHost: foo bar\r\n\r\n", 400),
                Arguments.of("duplicate Host", "GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("missing Host on HTTP/1.1", "GET /echo HTTP/1.1\r\n\r\n", 400),
                Arguments.of("invalid method token", "FOO,BAR /echo HTTP/1.1\r\n" + h + "\r\n", 400),
                Arguments.of("unknown method", "FOO /echo HTTP/1.1\r\n" + h + "\r\n", 405),
                Arguments.of("HTTP/9.9", "GET /echo HTTP/9.9\r\n" + h + "\r\n", 505),
                Arguments.of("HTTP/2.0 over HTTP/1 framing", "GET /echo HTTP/2.0\r\n" + h + "\r\n", 505),
                Arguments.of("lower-case http/1.1", "GET /echo http/1.1\r\n" + h + "\r\n", 400),
                Arguments.of("version without minor", "GET /echo HTTP/1\r\n" + h + "\r\n", 400),
                Arguments.of("version with two-digit minor", "GET /echo HTTP/1.10\r\n" + h + "\r\n", 400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    void badRequestsGetTheRightStatusAndNoStackTrace(String name, String raw, int status) throws Exception {
        try (LogCapture logs = LogCapture.of("tornado", "io.netty");
             RawHttpClient client = server.connect()) {
            RawResponse response = client.request(raw, "GET");
            assertThat(response.status()).isEqualTo(status);
            if (status != 405) {
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(client.isClosedByServer()).isTrue();
            }
            assertThat(logs.events()).allMatch(e -> e.getThrowableProxy() == null);
            assertThat(logs.messagesAtLeast(Level.ERROR)).isEmpty();
        }
    }

    @Test
    void chunkedBodiesAreAcceptedWhateverTheCaseOfChunked() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                    + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", "POST");
            assertThat(response.text()).isEqualTo("got abcde");
        }
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIs413AsSoonAsItDoes() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "1000\r\n" + "x".repeat(4096) + "\r\n";
            client.write(chunk);
            client.write(chunk);
            RawResponse response = client.read("POST");
            assertThat(response.status()).isEqualTo(413);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void framingHeadersAreFoundWhateverTheirCaseAndPlace() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("POST /echo HTTP/1.1\r\nX-A: 1\r\ncontent-length: 3\r\nhOST: x\r\n"
                    + "CONNECTION: close\r\n\r\nabc", "POST");
            assertThat(response.text()).isEqualTo("got abc");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("GET /echo HTTP/1.1\r\nhost: a\r\nX-B: 2\r\nHOST: b\r\n\r\n", "GET");
            assertThat(response.status()).isEqualTo(400);
        }
    }

    @Test
    void aHixie76HandshakeBodyOfEightBytesIsReadAsTheBody() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse first = client.request("GET /echo HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Key1: 1 2\r\n"
                    + "Sec-WebSocket-Key2: 3 4\r\n\r\n12345678", "GET");
            assertThat(first.text()).isEqualTo("ok");
            RawResponse second = client.request("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
            assertThat(second.text()).isEqualTo("ok");
        }
    }

    @Test
    void aLaterHttp1MinorVersionIsServedAsHttp11() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("GET /echo HTTP/1.2\r\nHost: x\r\n\r\n", "GET");
            assertThat(response.text()).isEqualTo("ok");
            assertThat(response.version()).isEqualTo("HTTP/1.1");
        }
    }

    @Test
    void http10WithoutHostIsServed() throws Exception {
        try (RawHttpClient client = server.connect()) {
            assertThat(client.request("GET /echo HTTP/1.0\r\n\r\n", "GET").text()).isEqualTo("ok");
        }
    }
}
