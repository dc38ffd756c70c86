package org.tornadojava.httpclient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the client tests: the failure of a fetch, Tornado's 404 page. */
final class ClientTests {
    static final String NOT_FOUND_PAGE = "<html><title>404: Not Found</title><body>404: Not Found</body></html>";

    private ClientTests() {
    }

    /** What the future fails with (unwrapped); fails the test if it completes normally. */
    static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the fetch to fail");
    }

    /** Checks that the fetch failed with a 404 carrying Tornado's default error page. */
    static void assertTornadoNotFound(CompletableFuture<HttpResponse> future) throws Exception {
        assertThat(failureOf(future)).isInstanceOfSatisfying(HttpClientError.class, error -> {
            assertThat(error.code()).isEqualTo(404);
            assertThat(error.response().text()).isEqualTo(NOT_FOUND_PAGE);
        });
    }
}
