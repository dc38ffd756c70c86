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
    void threeHundredSlowlorisClientsDoNotSlowOthersAndAreCutOff() throws Exception {
        try (TestServer server = server(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(30))) {
            List<RawHttpClient> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    RawHttpClient client = server.connect();
                    client.write("GET /fast HTTP/1.1\r\nHost: x\r\nX-Slow: ");
                    slow.add(client);
                }
                long worst = 0;
                for (int i = 0; i < 50; i++) {
                    long sent = System.nanoTime();
                    assertThat(server.get("/fast").text()).isEqualTo("fast");
                    worst = Math.max(worst, System.nanoTime() - sent);
                }
                System.out.printf("worst latency of 50 requests beside 300 slowloris connections: %.2f ms%n",
                        worst / 1e6);
                assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).isLessThan(500);
                for (RawHttpClient client : slow) {
                    assertThat(client.read("GET").status()).isEqualTo(408);
                }
            } finally {
                for (RawHttpClient client : slow) {
                    client.close();
                }
            }
        }
    }

    static int readQuietly(InputStream in) throws IOException {
        return in.read();
    }
}
