package org.tornadojava.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs on an IOLoop and finishes when the {@link java.util.concurrent.CompletionStage} it hands to
 * {@link GenTestContext#finishWith} completes, Tornado's {@code @gen_test}. The method is invoked on the IOLoop of
 * the {@link AsyncHttpTest} server (or on an IOLoop of its own in other classes), so it may use IOLoop-bound code
 * ({@code IOLoop.current()}, locks, queues) directly; the test thread waits with a timeout. An exceptional
 * completion fails the test with its cause; a timeout fails it with the stack of the IOLoop thread at that moment
 * (where the loop was stuck, if it was) and cancels the stage.
 *
 * <p>JUnit 5 runs only {@code void} test methods, so the stage is handed over with a {@link GenTestContext}
 * parameter rather than returned:
 *
 * <pre>{@code
 * @GenTest
 * void fetchesFromTheLoop(AsyncHttpTestServer server, GenTestContext gen) {
 *     gen.finishWith(server.fetchAsync(server.request("/").build())
 *             .thenAccept(response -> assertThat(response.text()).isEqualTo("Hello, world")));
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(GenTestExtension.class)
public @interface GenTest {
    /**
     * The longest wait for the test's stage, in seconds, Tornado's {@code gen_test(timeout=...)}.
     *
     * @return seconds; 0 (the default) means {@link AsyncTestTimeout#get()}
     */
    double timeout() default 0;
}
