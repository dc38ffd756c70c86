package org.tornadojava.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AsyncTestTimeoutTest {
    @Test
    void secondsMayHaveDecimals() {
        assertThat(AsyncTestTimeout.parse(AsyncTestTimeout.ENVIRONMENT_VARIABLE, " 2.5 "))
                .isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aValueThatIsNotAPositiveNumberIsRefusedNamingItsSource() {
        assertThatThrownBy(() -> AsyncTestTimeout.parse("ASYNC_TEST_TIMEOUT", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ASYNC_TEST_TIMEOUT must be a positive number of seconds, got '0'");
        assertThatThrownBy(() -> AsyncTestTimeout.parse("ASYNC_TEST_TIMEOUT", "five"))
                .hasMessage("ASYNC_TEST_TIMEOUT must be a number of seconds, got 'five'");
    }

    @Test
    void theSystemPropertyIsReadWhenTheEnvironmentVariableIsNotSet() {
        assumeTrue(System.getenv(AsyncTestTimeout.ENVIRONMENT_VARIABLE) == null);
        String before = System.getProperty(AsyncTestTimeout.SYSTEM_PROPERTY);
        System.setProperty(AsyncTestTimeout.SYSTEM_PROPERTY, "7");
        try {
            assertThat(AsyncTestTimeout.get()).isEqualTo(Duration.ofSeconds(7));
        } finally {
            if (before == null) {
                System.clearProperty(AsyncTestTimeout.SYSTEM_PROPERTY);
            } else {
                System.setProperty(AsyncTestTimeout.SYSTEM_PROPERTY, before);
            }
        }
    }
}
