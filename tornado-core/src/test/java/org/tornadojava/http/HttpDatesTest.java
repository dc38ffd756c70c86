package org.tornadojava.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDatesTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void theDateIsTheWallClockSecondOfTheInstant() {
        long before = System.currentTimeMillis();
        AsciiString date = HttpDates.now();
        long after = System.currentTimeMillis();

        long dated = DateFormatter.parseHttpDate(date).getTime();
        assertThat(dated).isBetween(before / 1000 * 1000, after);
    }

    @Test
    void anInstantSecondsLaterGetsTheDateOfItsOwnSecond() {
        long now = System.nanoTime();
        long nowMillis = DateFormatter.parseHttpDate(HttpDates.at(now)).getTime();

        long later = DateFormatter.parseHttpDate(HttpDates.at(now + 5 * SECOND)).getTime();
        long earlier = DateFormatter.parseHttpDate(HttpDates.at(now - 5 * SECOND)).getTime();

        assertThat(later - nowMillis).isBetween(4_000L, 6_000L);
        assertThat(nowMillis - earlier).isBetween(4_000L, 6_000L);
    }

    @Test
    void instantsWithinTheCachedSecondShareOneValue() {
        long now = System.nanoTime();
        AsciiString first = HttpDates.at(now);
        AsciiString same = HttpDates.at(now);
        assertThat((Object) same).isSameAs(first);
        assertThat(first.toString()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    }
}
