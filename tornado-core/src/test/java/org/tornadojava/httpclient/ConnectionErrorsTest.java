package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.Await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures without a usable response: each is an HttpConnectionError naming host:port, with its cause. */
class ConnectionErrorsTest {
    private static AsyncHttpClient client;

    @BeforeAll
    static void start() {
        client = new AsyncHttpClient(new HttpClientOptions().maxHeaderSize(2048));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static Throwable failure(String url) throws Exception {
        return ClientTests.failureOf(client.fetch(url));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, ScriptedServer.LOCALHOST)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionNamesHostAndPortAndKeepsTheCause() throws Exception {
        int port = closedPort();

        assertThat(failure("http://127.0.0.1:" + port + "/"))
                .isInstanceOf(HttpConnectionError.class)
                .hasMessageStartingWith("Cannot connect to 127.0.0.1:" + port + ": ")
                .hasMessageContaining("refused")
                .hasCauseInstanceOf(ConnectException.class)
                .satisfies(error -> assertThat(((HttpClientError) error).code()).isEqualTo(599));
    }

    @Test
    void anUnknownHostNamesHostAndPortAndKeepsTheCause() throws Exception {
        assertThat(failure("http://no-such-host.invalid/"))
                .isInstanceOf(HttpConnectionError.class)
                .hasMessageStartingWith("Cannot connect to no-such-host.invalid:80: unknown host")
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    @Test
    void aConnectionClosedWithoutAnswerIsReported() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((request, out) -> false)) {
            assertThat(failure(server.url("/")))
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessage("Connection to 127.0.0.1:" + server.port()
                            + " closed before the response was complete");
        }
    }

    @Test
    void aBodyCutShortOfItsContentLengthIsReported() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1));
            return false;
        })) {
            assertThat(failure(server.url("/")))
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessage("Connection to 127.0.0.1:" + server.port()
                            + " closed before the response was complete");
        }
    }

    @Test
    void aGarbledStatusLineIsReported() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always("SMTP ready\r\n\r\n"))) {
            assertThat(failure(server.url("/")))
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessageStartingWith("Malformed response from 127.0.0.1:" + server.port());
        }
    }

    @Test
    void aCorruptGzipBodyIsReported() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 15\r\n\r\nnot gzip at all"))) {
            assertThat(failure(server.url("/")))
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessageStartingWith("Malformed response from 127.0.0.1:" + server.port());
        }
    }

    @Test
    void headersLargerThanMaxHeaderSizeAreReported() throws Exception {
        String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "x".repeat(4096) + "\r\nContent-Length: 0\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(huge))) {
            assertThat(failure(server.url("/")))
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessageStartingWith("Malformed response from 127.0.0.1:" + server.port())
                    .hasMessageContaining("2048");
        }
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal"))) {
            HttpResponse response = client.fetch(server.url("/")).get(10, TimeUnit.SECONDS);

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("final");
        }
    }

    @Test
    void aConnectionSendingDataWhileIdleIsNotReused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 204 No Content\r\n\r\n"))) {
            client.fetch(server.url("/")).get(10, TimeUnit.SECONDS);
            Await.until(() -> server.endedConnections() == 1);

            assertThat(client.fetch(server.url("/")).get(10, TimeUnit.SECONDS).text()).isEqualTo("ok");

            assertThat(server.acceptedConnections()).isEqualTo(2);
        }
    }
}
