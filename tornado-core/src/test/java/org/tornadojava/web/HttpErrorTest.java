package org.tornadojava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpErrorTest {

    @Test
    void statusAloneHasTheStandardReasonAndNothingToLog() {
        HttpError error = new HttpError(404);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.reason()).isNull();
        assertThat(error.logMessage()).isNull();
        assertThat(error.getMessage()).isEqualTo("HTTP 404: Not Found");
    }

    @Test
    void secondArgumentIsTheLogMessageNotTheReason() {
        HttpError error = new HttpError(403, "IP address not in the handler's whitelist");
        assertThat(error.reason()).isNull();
        assertThat(error.logMessage()).isEqualTo("IP address not in the handler's whitelist");
        assertThat(error.getMessage()).isEqualTo("HTTP 403: Forbidden (IP address not in the handler's whitelist)");
    }

    @Test
    void logMessageIsFormattedWithItsArgumentsOnlyWhenAskedFor() {
        AtomicInteger formatted = new AtomicInteger();
        Object item = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "item 9";
            }
        };
        HttpError error = new HttpError(409, "version clash on %s (%d tries)", item, 3);
        assertThat(formatted).hasValue(0);
        assertThat(error.logMessage()).isEqualTo("version clash on item 9 (3 tries)");
        assertThat(formatted).hasValue(1);
    }

    @Test
    void messageWithoutArgumentsIsUsedAsItIsEvenWithPercentSigns() {
        assertThat(new HttpError(400, "100% wrong").logMessage()).isEqualTo("100% wrong");
    }

    @Test
    void patternThatDoesNotFitItsArgumentsIsLoggedUnformatted() {
        assertThat(new HttpError(400, "count %d", "not a number").logMessage()).isEqualTo("count %d");
    }

    @Test
    void withReasonSetsTheReasonAndReturnsTheSameError() {
        HttpError error = new HttpError(409, "clash on %s", "x");
        assertThat(error.withReason("Version Clash")).isSameAs(error);
        assertThat(error.reason()).isEqualTo("Version Clash");
        assertThat(error.logMessage()).isEqualTo("clash on x");
        assertThat(error.getMessage()).isEqualTo("HTTP 409: Version Clash (clash on x)");
    }

    @Test
    void missingArgumentKeepsItsReasonAndLogsTheName() {
        MissingArgumentError error = new MissingArgumentError("name");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.reason()).isEqualTo("Missing argument name");
        assertThat(error.logMessage()).isEqualTo("Missing argument name");
    }
}
