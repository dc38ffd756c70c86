package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RequestListenerTest {
    static final class Story extends RequestHandler {
        public void get(String id) {
            write("story " + id);
        }

        public void post(String id) {
            throw new HttpError(409);
        }
    }

    record Finished(String route, String method, int status, long nanos, boolean onLoop) {
    }

    @Test
    void listenerHearsRoutePatternMethodStatusAndDurationOnTheLoop() throws Exception {
        List<Finished> finished = new CopyOnWriteArrayList<>();
        Application app = Application.builder()
                .route("/story/([0-9]+)", Story::new)
                .requestListener((route, method, status, nanos) ->
                        finished.add(new Finished(route, method, status, nanos, IOLoop.currentOrNull() != null)))
                .build();
        try (TestServer server = TestServer.start(app)) {
            assertThat(server.get("/story/7").status()).isEqualTo(200);
            Await.until(() -> finished.size() == 1);
            assertThat(server.send("POST", "/story/8", null, new byte[0]).status()).isEqualTo(409);
            Await.until(() -> finished.size() == 2);
            assertThat(server.get("/nowhere").status()).isEqualTo(404);
            Await.until(() -> finished.size() == 3);
        }
        assertThat(finished).extracting(Finished::route, Finished::method, Finished::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/story/([0-9]+)", "GET", 200),
                org.assertj.core.groups.Tuple.tuple("/story/([0-9]+)", "POST", 409),
                org.assertj.core.groups.Tuple.tuple(null, "GET", 404));
        assertThat(finished).allSatisfy(f -> {
            assertThat(f.nanos()).isPositive();
            assertThat(f.onLoop()).isTrue();
        });
    }

    @Test
    void aFailingListenerIsLoggedAndTheResponseIsUnaffected() throws Exception {
        List<String> second = new CopyOnWriteArrayList<>();
        Application app = Application.builder()
                .route("/story/([0-9]+)", Story::new)
                .requestListener((route, method, status, nanos) -> {
                    throw new IllegalStateException("listener broke");
                })
                .requestListener((route, method, status, nanos) -> second.add(route))
                .build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.application")) {
            assertThat(server.get("/story/1").text()).isEqualTo("story 1");
            logs.await("tornado.application", "Exception in request listener for GET /story/1");
            Await.until(() -> second.size() == 1);
        }
        assertThat(second).containsExactly("/story/([0-9]+)");
    }
}
