package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTest {
    private static final String LOGGER = "tornado.test.rate-limited";

    @Test
    void aConditionRepeatingWithinTheIntervalIsLoggedOnce() {
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(LOGGER), "out of files", Duration.ofHours(1));
        try (LogCapture logs = LogCapture.of(LOGGER)) {
            assertThat(log.warn("EMFILE")).isTrue();
            for (int i = 0; i < 1000; i++) {
                assertThat(log.warn("EMFILE")).isFalse();
            }
            assertThat(logs.messagesOf(LOGGER)).containsExactly("out of files: EMFILE");
        }
    }

    @Test
    void theNextLineCountsTheOccurrencesItStoodFor() {
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(LOGGER), "queue full", Duration.ofMillis(200));
        try (LogCapture logs = LogCapture.of(LOGGER)) {
            log.warn(null);
            Await.until(() -> log.warn(null));
            assertThat(logs.messagesOf(LOGGER)).hasSize(2);
            assertThat(logs.messagesOf(LOGGER).get(0)).isEqualTo("queue full");
            assertThat(logs.messagesOf(LOGGER).get(1)).matches("queue full \\(\\d+ more since the last report\\)");
        }
    }

    @Test
    void theDetailIsEscapedLikeRequestData() {
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(LOGGER), "refused", Duration.ofHours(1));
        try (LogCapture logs = LogCapture.of(LOGGER)) {
            log.warn("a\u001bb");
            assertThat(logs.messagesOf(LOGGER)).containsExactly("refused: a\\x1Bb");
        }
    }
}
