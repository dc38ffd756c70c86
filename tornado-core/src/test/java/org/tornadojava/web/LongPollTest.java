package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.Await;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-polling pattern of docs/async.md: park a future, remove the waiter when the client leaves. */
class LongPollTest {
    /** The message board every waiter listens to. */
    static final class Board {
        final Set<CompletableFuture<String>> waiters = ConcurrentHashMap.newKeySet();

        void publish(String message) {
            for (CompletableFuture<String> waiter : waiters) {
                if (waiters.remove(waiter)) {
                    waiter.complete(message);
                }
            }
        }
    }

    static final Board BOARD = new Board();

    static final class Updates extends RequestHandler {
        private CompletableFuture<String> waiter;

        public CompletionStage<Void> get() {
            waiter = new CompletableFuture<>();
            BOARD.waiters.add(waiter);
            return waiter.thenAccept(message -> write(Java.map("message", message)));
        }

        @Override
        protected void onConnectionClose() {
            BOARD.waiters.remove(waiter);
            waiter.cancel(false);
        }
    }

    /** Tiny helper so the handler reads like the docs. */
    static final class Java {
        static java.util.Map<String, Object> map(String key, Object value) {
            return java.util.Map.of(key, value);
        }
    }

    @Test
    void waiterGetsTheMessageAndAGoneClientsWaiterIsRemovedAtOnce() throws Exception {
        Application app = Application.builder().route("/updates", Updates::new).build();
        try (TestServer server = TestServer.start(app)) {
            RawHttpClient leaver = server.connect();
            leaver.write("GET /updates HTTP/1.1\r\nHost: x\r\n\r\n");
            Await.until(() -> BOARD.waiters.size() == 1);
            leaver.close();
            Await.until(BOARD.waiters::isEmpty);

            CompletableFuture<RawResponse> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.get("/updates");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Await.until(() -> BOARD.waiters.size() == 1);
            BOARD.publish("hello");
            RawResponse response = answer.get(5, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"message\":\"hello\"}");
            assertThat(BOARD.waiters).isEmpty();
        }
    }
}
