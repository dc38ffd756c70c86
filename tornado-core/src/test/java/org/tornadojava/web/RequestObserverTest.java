package org.tornadojava.web;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RequestObserverTest {
    static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

    static final class Story extends RequestHandler {
        public void get(String id) {
            write("story " + id + " " + MDC.get("observed"));
        }

        public void post(String id) {
            throw new HttpError(409);
        }

        public void delete(String id) {
            throw new IllegalStateException("broken");
        }
    }

    static final class Forever extends RequestHandler {
        public CompletionStage<Void> get() {
            return NEVER;
        }
    }

    /** What one observed request went through. */
    static final class Seen implements RequestObservation {
        final String route;
        final String uri;
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile int status;
        volatile Throwable error;

        Seen(HttpServerRequest request, String route) {
            this.route = route;
            this.uri = request.uri();
        }

        @Override
        public Scope openScope() {
            String before = MDC.get("observed");
            MDC.put("observed", uri);
            return () -> {
                if (before == null) {
                    MDC.remove("observed");
                } else {
                    MDC.put("observed", before);
                }
            };
        }

        @Override
        public void requestFinished(int status, Throwable error) {
            this.status = status;
            this.error = error;
            events.add("finished" + (IOLoop.currentOrNull() != null ? " on loop" : ""));
        }

        @Override
        public void requestAborted() {
            events.add("aborted");
        }
    }

    private static Application app(List<Seen> seen) {
        return Application.builder()
                .route("/story/([0-9]+)", Story::new)
                .route("/forever", Forever::new)
                .requestObserver((request, route) -> {
                    Seen observation = new Seen(request, route);
                    seen.add(observation);
                    return observation;
                })
                .build();
    }

    @Test
    void observerSeesRoutePatternStatusAndTheExceptionBehindAnErrorPageOnTheLoop() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(app(seen))) {
            assertThat(server.get("/story/7").text()).isEqualTo("story 7 /story/7");
            assertThat(server.send("POST", "/story/8", null, new byte[0]).status()).isEqualTo(409);
            assertThat(server.send("DELETE", "/story/9", null, null).status()).isEqualTo(500);
            assertThat(server.get("/nowhere").status()).isEqualTo(404);
            Await.until(() -> seen.size() == 4 && seen.stream().allMatch((s) -> !s.events.isEmpty()));
        }
        assertThat(seen).extracting((s) -> s.route, (s) -> s.status, (s) -> s.events).containsExactly(
                tuple("/story/([0-9]+)", 200, List.of("finished on loop")),
                tuple("/story/([0-9]+)", 409, List.of("finished on loop")),
                tuple("/story/([0-9]+)", 500, List.of("finished on loop")),
                tuple(null, 404, List.of("finished on loop")));
        assertThat(seen.get(0).error).isNull();
        assertThat(seen.get(1).error).isInstanceOf(HttpError.class);
        assertThat(seen.get(2).error).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    @Test
    void accessLogLineIsWrittenInsideTheObservationScope() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(app(seen));
             LogCapture logs = LogCapture.of("tornado.access")) {
            server.get("/story/3?x=1");
            ILoggingEvent line = logs.await("tornado.access", "GET /story/3");
            assertThat(line.getMDCPropertyMap()).containsEntry("observed", "/story/3?x=1");
        }
    }

    @Test
    void aClientLeavingBeforeTheResponseEndsTheObservationOnceAsAborted() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(app(seen))) {
            try (RawHttpClient client = server.connect()) {
                client.write("GET /forever HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> seen.size() == 1);
            }
            Await.until(() -> !seen.get(0).events.isEmpty());
            assertThat(server.get("/story/1").status()).isEqualTo(200);
            Await.until(() -> seen.size() == 2 && !seen.get(1).events.isEmpty());
        }
        assertThat(seen.get(0).events).containsExactly("aborted");
    }

    @Test
    void aFailingObserverIsLoggedAndTheRequestIsServedUnobserved() throws Exception {
        Application app = Application.builder()
                .route("/story/([0-9]+)", Story::new)
                .requestObserver((request, route) -> {
                    throw new IllegalStateException("observer broke");
                })
                .build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.application")) {
            assertThat(server.get("/story/1").text()).isEqualTo("story 1 null");
            logs.await("tornado.application", "Exception in request observer for GET /story/1");
        }
    }

    @Test
    void handlerVerbsListsTheMethodsAClassAnswers() {
        assertThat(HandlerVerbs.of(Story.class)).containsExactly("GET", "HEAD", "POST", "DELETE");
        assertThat(HandlerVerbs.of(Forever.class)).containsExactly("GET", "HEAD");
    }
}
