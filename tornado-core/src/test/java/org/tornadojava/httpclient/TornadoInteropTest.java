package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.PythonTornado;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Python Tornado server (Debian's {@code python3-tornado}, run with {@code /usr/bin/python3} only):
 * a plain GET, a redirect, a 404, a form POST and a gzip response. Skipped when that interpreter cannot import
 * tornado.
 */
class TornadoInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private static Process process;
    private static Path output;
    private static int port;
    private static AsyncHttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(PythonTornado.available(), PYTHON + " cannot import tornado");
        Path script = Path.of(TornadoInteropTest.class.getResource("/httpclient/tornado_server.py").toURI());
        output = Files.createTempFile("tornado-server", ".log");
        process = new ProcessBuilder(PYTHON, script.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        client = new AsyncHttpClient();
        port = awaitPort();
        awaitAnswer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (output != null) {
            Files.deleteIfExists(output);
        }
    }

    /** Polls the server's output for its {@code PORT n} line, failing early if the process dies. */
    private static int awaitPort() throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(output);
            for (String line : lines) {
                if (line.startsWith("PORT ")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Tornado server exited: " + lines);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException("the Tornado server printed no port within " + STARTUP + ": "
                + Files.readAllLines(output));
    }

    /** Polls until the server answers a request. */
    private static void awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try {
                client.fetch(url("/hello")).get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Tornado server did not answer within " + STARTUP, e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aPlainGetReturnsTornadosAnswer() throws Exception {
        HttpResponse response = client.fetch(url("/hello")).get(10, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.text()).startsWith("hello from tornado ");
        assertThat(response.header("Server")).startsWith("TornadoServer/");
    }

    @Test
    void tornadosRedirectIsFollowed() throws Exception {
        HttpResponse response = client.fetch(url("/redirect")).get(10, TimeUnit.SECONDS);

        assertThat(response.text()).startsWith("hello from tornado ");
        assertThat(response.effectiveUrl()).isEqualTo(url("/hello"));
    }

    @Test
    void tornados404FailsWithItsErrorPage() throws Exception {
        ClientTests.assertTornadoNotFound(client.fetch(url("/missing")));
    }

    @Test
    void aFormPostReachesTornado() throws Exception {
        HttpResponse response = client.fetch(HttpRequest.builder(url("/echo")).method("POST").body("a=1&b=2")
                .build()).get(10, TimeUnit.SECONDS);

        assertThat(response.text())
                .isEqualTo("{\"method\": \"POST\", \"body\": \"a=1&b=2\","
                        + " \"type\": \"application/x-www-form-urlencoded\"}");
    }

    @Test
    void tornadosGzipResponseIsDecompressed() throws Exception {
        HttpResponse response = client.fetch(url("/text")).get(10, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo("tornado ".repeat(2000));
        assertThat(response.header("Content-Encoding")).isNull();
    }
}
