package org.tornadojava.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectLogTest {
    private static final String LOGGER = "tornado.testing.expect-log-test";
    private final org.slf4j.Logger log = LoggerFactory.getLogger(LOGGER);

    @Test
    void aMatchingLineIsCountedAndKeptOutOfTheOutput() {
        try (LogCapture output = LogCapture.of(LOGGER)) {
            try (ExpectLog expected = new ExpectLog(LOGGER, "404 GET /missing")) {
                log.warn("{} GET {} (127.0.0.1) 0.40ms", 404, "/missing");
                log.warn("500 GET /other");
                assertThat(expected.logged()).isTrue();
                assertThat(expected.matches()).containsExactly("404 GET /missing (127.0.0.1) 0.40ms");
            }
            assertThat(output.messagesOf(LOGGER)).containsExactly("500 GET /other");
        }
    }

    @Test
    void closeWaitsForALineAnotherThreadLogsJustAfterTheTestCode() {
        ExpectLog expected = new ExpectLog(LOGGER, "late line");
        CompletableFuture.runAsync(() -> log.warn("late line"),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        expected.close();
        assertThat(expected.matches()).containsExactly("late line");
    }

    @Test
    void aChildLoggerMatchesToo() {
        try (ExpectLog expected = new ExpectLog("tornado.testing", "from a child")) {
            log.info("from a child");
            assertThat(expected.logged()).isTrue();
        }
    }

    @Test
    void closingFailsWhenTheLineNeverCame() {
        ExpectLog expected = new ExpectLog(LOGGER, "never logged");
        log.warn("something else");
        assertThatThrownBy(expected::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not get expected log message").hasMessageContaining("never logged");
    }

    @Test
    void aLineAtAnotherLevelDoesNotMatch() {
        ExpectLog expected = new ExpectLog(LOGGER, "boom", org.slf4j.event.Level.ERROR, true);
        log.warn("boom");
        assertThatThrownBy(expected::close).isInstanceOf(AssertionError.class);
    }

    @Test
    void aLineBelowTheLoggersLevelIsNeverEmittedSoItNeverMatches() {
        Logger quiet = (Logger) LoggerFactory.getLogger(LOGGER + ".quiet");
        quiet.setLevel(Level.WARN);
        try {
            ExpectLog expected = new ExpectLog(quiet.getName(), "chatter");
            quiet.info("chatter");
            assertThatThrownBy(expected::close).isInstanceOf(AssertionError.class);
        } finally {
            quiet.setLevel(null);
        }
    }

    @Test
    void anOptionalLineOnlySuppresses() {
        try (ExpectLog optional = new ExpectLog(LOGGER, "maybe", null, false)) {
            assertThat(optional.logged()).isFalse();
        }
    }
}
