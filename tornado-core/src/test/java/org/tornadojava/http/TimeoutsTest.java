package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutsTest {
    static final class Fast extends RequestHandler {
        public void get() {
            write("fast");
        }

        public void post() {
            write("posted " + request().body().length);
        }
    }

    static final class Slow extends RequestHandler {
        public CompletionStage<Void> get() {
            return ioLoop().sleep(Duration.ofMillis(800)).thenRun(() -> write("slow but fine"));
        }
    }

    private static TestServer server(Duration idle, Duration header, Duration body) {
        Application app = Application.builder().route("/fast", Fast::new).route("/slow", Slow::new)
                .accessLog(false).build();
        return TestServer.start(app, new HttpServerOptions().idleConnectionTimeout(idle).headerTimeout(header)
                .bodyTimeout(body));
    }

    @Test
    void aHeadThatDoesNotArriveInTimeGets408() throws Exception {
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(30));
             RawHttpClient client = server.connect()) {
            long start = System.nanoTime();
            client.write("GET /fast HTTP/1.1\r\nHost: x\r\n");
            RawResponse response = client.read("GET");
            assertThat(response.status()).isEqualTo(408);
            assertThat(client.isClosedByServer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aNewConnectionThatSendsNothingIsClosedQuietlyAtTheHeaderTimeout() throws Exception {
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(30));
             RawHttpClient client = server.connect()) {
            assertThat(client.socket().getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408() throws Exception {
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(300));
             RawHttpClient client = server.connect()) {
            client.write("POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            assertThat(client.read("POST").status()).isEqualTo(408);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestServer server = server(Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(30));
             RawHttpClient client = server.connect()) {
            assertThat(client.request("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n", "GET").text()).isEqualTo("fast");
            long start = System.nanoTime();
            assertThat(client.isClosedByServer()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aHandlerTakingLongerThanEveryTimeoutIsNotCut() throws Exception {
        try (TestServer server = server(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300));
             RawHttpClient client = server.connect()) {
            assertThat(client.request("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n", "GET").text())
                    .isEqualTo("slow but fine");
        }
    }

    @Test
    void threeHundredSlowlorisClientsDoNotHoldUpOthers() throws Exception {
        // The slow heads cannot time out during the test: the fast requests are answered while they all wait.
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30))) {
            List<RawHttpClient> slow = slowlorisClients(server, 300);
            try {
                for (int i = 0; i < 50; i++) {
                    assertThat(server.get("/fast").text()).isEqualTo("fast");
                }
                for (RawHttpClient client : slow) {
                    assertThat(client.socket().getInputStream().available()).isZero();
                }
                RawHttpClient first = slow.get(0);
                first.write("1\r\n\r\n");
                assertThat(first.read("GET").text()).isEqualTo("fast");
            } finally {
                closeAll(slow);
            }
        }
    }

    @Test
    void threeHundredSlowlorisClientsAreCutOffAtTheHeaderTimeout() throws Exception {
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(30))) {
            List<RawHttpClient> slow = slowlorisClients(server, 300);
            try {
                for (RawHttpClient client : slow) {
                    assertThat(client.read("GET").status()).isEqualTo(408);
                }
            } finally {
                closeAll(slow);
            }
        }
    }

    private static List<RawHttpClient> slowlorisClients(TestServer server, int count) throws IOException {
        List<RawHttpClient> slow = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawHttpClient client = server.connect();
            client.write("GET /fast HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            slow.add(client);
        }
        return slow;
    }

    private static void closeAll(List<RawHttpClient> clients) throws IOException {
        for (RawHttpClient client : clients) {
            client.close();
        }
    }

    static int readQuietly(InputStream in) throws IOException {
        return in.read();
    }
}
