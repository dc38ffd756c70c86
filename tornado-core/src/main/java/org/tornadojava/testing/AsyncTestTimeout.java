package org.tornadojava.testing;

import java.time.Duration;

/**
 * The default wait of the testing helpers, Tornado's {@code get_async_test_timeout()}: the environment variable
 * {@code ASYNC_TEST_TIMEOUT} (seconds, decimals allowed), else the system property
 * {@code tornado.testing.async-test-timeout}, else 5 seconds. {@link AsyncHttpTestServer#fetch(String)},
 * {@link TestWebSocket#readText()} and {@link GenTest} without a timeout of its own wait this long.
 */
public final class AsyncTestTimeout {
    /** The environment variable Tornado reads. */
    public static final String ENVIRONMENT_VARIABLE = "ASYNC_TEST_TIMEOUT";
    /** The system property read when the environment variable is not set. */
    public static final String SYSTEM_PROPERTY = "tornado.testing.async-test-timeout";

    private static final Duration DEFAULT = Duration.ofSeconds(5);

    private AsyncTestTimeout() {
    }

    /**
     * The configured timeout. Any thread.
     *
     * @return the timeout, 5 seconds unless configured
     * @throws IllegalArgumentException when the configured value is not a positive number of seconds
     */
    public static Duration get() {
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        String source = ENVIRONMENT_VARIABLE;
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(SYSTEM_PROPERTY);
            source = SYSTEM_PROPERTY;
        }
        if (configured == null || configured.isBlank()) {
            return DEFAULT;
        }
        return parse(source, configured);
    }

    static Duration parse(String source, String seconds) {
        double value;
        try {
            value = Double.parseDouble(seconds.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a number of seconds, got '" + seconds + "'", e);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(source + " must be a positive number of seconds, got '" + seconds
                    + "'");
        }
        return Duration.ofNanos((long) (value * 1_000_000_000L));
    }
}
