package org.tornadojava.httpclient;

import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tornadojava.testing.Await.until;

/** Keep-alive: connections are reused, closed when they must be, and a stale one is replaced for safe methods. */
class ConnectionReuseTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static HttpResponse get(AsyncHttpClient client, String url) throws Exception {
        return client.fetch(url).get(10, TimeUnit.SECONDS);
    }

    @Test
    void sequentialRequestsShareOneKeptAliveConnection() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(OK));
             AsyncHttpClient client = new AsyncHttpClient()) {
            for (int i = 0; i < 5; i++) {
                assertThat(get(client, server.url("/" + i)).text()).isEqualTo("ok");
            }

            assertThat(server.acceptedConnections()).isEqualTo(1);
            assertThat(server.requests()).extracting(ScriptedServer.Request::line)
                    .containsExactly("GET /0 HTTP/1.1", "GET /1 HTTP/1.1", "GET /2 HTTP/1.1", "GET /3 HTTP/1.1",
                            "GET /4 HTTP/1.1");
        }
    }

    @Test
    void concurrentFetchesFromManyThreadsShareABoundedSetOfConnections() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(OK));
             AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().maxClients(3).ioLoopThreads(2))) {
            List<CompletableFuture<HttpResponse>> responses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String url = server.url("/" + i);
                responses.add(CompletableFuture.supplyAsync(() -> client.fetch(url), callers)
                        .thenCompose(response -> response));
            }

            for (CompletableFuture<HttpResponse> response : responses) {
                assertThat(response.get(20, TimeUnit.SECONDS).text()).isEqualTo("ok");
            }
            assertThat(server.requests()).hasSize(100);
            assertThat(server.acceptedConnections()).isBetween(1, 2 * 3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aResponseWithConnectionCloseIsNotReused() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        try (ScriptedServer server = ScriptedServer.start((request, out) -> {
            out.write(closing.getBytes(StandardCharsets.ISO_8859_1));
            return false;
        }); AsyncHttpClient client = new AsyncHttpClient()) {
            for (int i = 0; i < 3; i++) {
                assertThat(get(client, server.url("/")).text()).isEqualTo("ok");
            }

            assertThat(server.acceptedConnections()).isEqualTo(3);
        }
    }

    @Test
    void anHttp10ResponseWithoutKeepAliveIsNotReused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             AsyncHttpClient client = new AsyncHttpClient()) {
            get(client, server.url("/"));
            get(client, server.url("/"));

            assertThat(server.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void aBodyEndingAtCloseIsReadWholeAndItsConnectionIsNotReused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((request, out) -> {
            out.write("HTTP/1.1 200 OK\r\n\r\nuntil the end".getBytes(StandardCharsets.ISO_8859_1));
            return false;
        }); AsyncHttpClient client = new AsyncHttpClient()) {
            assertThat(get(client, server.url("/")).text()).isEqualTo("until the end");
            assertThat(get(client, server.url("/")).text()).isEqualTo("until the end");

            assertThat(server.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void aReusedConnectionClosedBeforeAnsweringIsReplacedOnceForAGet() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((request, out) -> {
            if (request.line().startsWith("GET /second") && request.connection() == 0) {
                return false;
            }
            out.write(OK.getBytes(StandardCharsets.ISO_8859_1));
            return true;
        }); AsyncHttpClient client = new AsyncHttpClient()) {
            get(client, server.url("/first"));

            assertThat(get(client, server.url("/second")).text()).isEqualTo("ok");
            assertThat(server.acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    void aPostOnAReusedConnectionClosedBeforeAnsweringIsNotSentTwice() throws Exception {
        try (ScriptedServer server = ScriptedServer.start((request, out) -> {
            if (request.line().startsWith("POST")) {
                return false;
            }
            out.write(OK.getBytes(StandardCharsets.ISO_8859_1));
            return true;
        }); AsyncHttpClient client = new AsyncHttpClient()) {
            get(client, server.url("/first"));

            assertThatThrownBy(() -> client.fetch(HttpRequest.builder(server.url("/order")).method("POST")
                    .body("once").build()).get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(HttpConnectionError.class)
                    .hasMessage("Connection to 127.0.0.1:" + server.port()
                            + " closed before the response was complete");
            assertThat(server.requests()).filteredOn(r -> r.line().startsWith("POST")).hasSize(1);
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        Application app = Application.builder().route("/", Hello::new).build();
        try (TestServer server = TestServer.start(app);
             AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions()
                     .idleConnectionTimeout(Duration.ofMillis(200)))) {
            get(client, "http://127.0.0.1:" + server.port() + "/");
            assertThat(server.server().connectionCount()).isEqualTo(1);

            until(() -> server.server().connectionCount() == 0);
        }
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsNotUsedAgain() throws Exception {
        Application app = Application.builder().route("/", Hello::new).build();
        try (TestServer server = TestServer.start(app, new HttpServerOptions()
                .idleConnectionTimeout(Duration.ofMillis(100)));
             AsyncHttpClient client = new AsyncHttpClient()) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            get(client, url);
            until(() -> server.server().connectionCount() == 0);

            assertThat(get(client, url).text()).isEqualTo("hello");
        }
    }

    static final class Hello extends RequestHandler {
        static final Set<String> LOOPS = ConcurrentHashMap.newKeySet();

        public void get() {
            LOOPS.add(Thread.currentThread().getName());
            write("hello");
        }
    }

    @Test
    void ourServerSeesOneConnectionAndOneLoopForSequentialRequests() throws Exception {
        Application app = Application.builder().route("/", Hello::new).build();
        try (TestServer server = TestServer.start(app, new HttpServerOptions(), 2);
             AsyncHttpClient client = new AsyncHttpClient()) {
            Hello.LOOPS.clear();
            for (int i = 0; i < 6; i++) {
                get(client, "http://127.0.0.1:" + server.port() + "/");
            }

            assertThat(server.server().connectionCount()).isEqualTo(1);
            assertThat(Hello.LOOPS).hasSize(1);
        }
    }
}
