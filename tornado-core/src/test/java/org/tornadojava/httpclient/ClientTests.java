package org.tornadojava.httpclient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the client tests: waiting with a deadline, the failure of a fetch, Tornado's 404 page. */
final class ClientTests {
    static final String NOT_FOUND_PAGE = "<html><title>404: Not Found</title><body>404: Not Found</body></html>";

    private ClientTests() {
    }

    /** Polls the condition every 5 ms until it holds; fails after 10 seconds. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
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
