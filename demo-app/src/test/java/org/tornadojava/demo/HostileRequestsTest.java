package org.tornadojava.demo;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests issue 17's fuzzing found answered with 500, a stack trace or a cookie: each must get a 4xx (or a
 * correct redirect), log no ERROR and no stack trace, and set no cookie when it fails. Same settings as
 * {@code DemoRoutesTest}, so the cached context is shared (a second context would pause the first, closing its room).
 */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class HostileRequestsTest {
    @LocalTornadoPort
    private int port;

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("download of .", "GET /download/. HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("download of %2e", "GET /download/%2e HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("download of %2E%2E", "GET /download/%2E%2E HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("download with a NUL", "GET /download/sample.bin%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("download with a control byte", "GET /download/sample%1B.bin HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("download of a folder", "GET /download/%2e%2f HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("lower-case http/1.1", "GET / http/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("escape sequence in the URI", "GET /story/\u001b[2J HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileRequestGetsA4xxAndNoErrorLog(String name, String raw) throws Exception {
        RawResponse response = sendWithoutErrorLog(raw);
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void anUnsupportedHttpVersionIs505WithoutErrorLog() throws Exception {
        assertThat(sendWithoutErrorLog("GET / HTTP/9.9\r\nHost: x\r\n\r\n").status()).isEqualTo(505);
    }

    @Test
    void loginWithANonAsciiNextRedirectsPercentEncodedOrRefusesWithoutCookie() throws Exception {
        RawResponse response = sendWithoutErrorLog("POST /login?next=/%E2%82%AC HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 14\r\n\r\nusername=alice");
        if (response.status() == 302) {
            assertThat(response.header("Location")).isEqualTo("/%E2%82%AC");
        } else {
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.headers("Set-Cookie")).isEmpty();
        }
    }

    private RawResponse sendWithoutErrorLog(String raw) throws Exception {
        RawResponse response;
        try (LogCapture logs = LogCapture.of("tornado", "io.netty", "org.tornadojava");
             RawHttpClient client = new RawHttpClient(port)) {
            client.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            response = client.read(raw.substring(0, raw.indexOf(' ')));
            assertThat(logs.messagesAtLeast(Level.ERROR)).isEmpty();
            assertThat(logs.events()).allMatch(event -> event.getThrowableProxy() == null);
        }
        return response;
    }
}
