package org.tornadojava.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands the asynchronous result of a {@link GenTest} method to the runner: the test finishes when that stage
 * completes. Resolved as a parameter of a {@code @GenTest} method; one per test.
 */
public final class GenTestContext {
    private final CompletableFuture<CompletionStage<?>> stage = new CompletableFuture<>();

    GenTestContext() {
    }

    /**
     * Makes the test wait for the stage: it passes when the stage completes normally and fails with the stage's
     * exception otherwise. Call it at most once, usually as the method's last statement. Any thread.
     *
     * @param result the test's asynchronous result
     * @throws IllegalStateException when called a second time
     */
    public void finishWith(CompletionStage<?> result) {
        if (!stage.complete(result)) {
            throw new IllegalStateException("finishWith was already called for this test");
        }
    }

    /** The handed-over stage, or null when the method did not call {@link #finishWith}. */
    CompletionStage<?> result() {
        return stage.getNow(null);
    }
}
