package org.tornadojava.locale;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserLocaleTest {
    /** Wednesday 2025-03-12 15:30:00 UTC. */
    private static final Instant NOW = Instant.parse("2025-03-12T15:30:00Z");

    private static UserLocale locale(String code) {
        return new Locales(code, Translations.none(), Clock.fixed(NOW, ZoneOffset.UTC)).defaultLocale();
    }

    private final UserLocale english = locale("en_US");

    private String ago(Duration age) {
        return english.formatDate(NOW.minus(age));
    }

    @Test
    void recentDatesReadAsSecondsMinutesOrHoursAgo() {
        assertThat(ago(Duration.ofSeconds(1))).isEqualTo("1 second ago");
        assertThat(ago(Duration.ofSeconds(12))).isEqualTo("12 seconds ago");
        assertThat(ago(Duration.ofSeconds(50))).isEqualTo("1 minute ago");
        assertThat(ago(Duration.ofMinutes(2))).isEqualTo("2 minutes ago");
        assertThat(ago(Duration.ofMinutes(49))).isEqualTo("49 minutes ago");
        assertThat(ago(Duration.ofMinutes(50))).isEqualTo("1 hour ago");
        assertThat(ago(Duration.ofHours(5))).isEqualTo("5 hours ago");
    }

    @Test
    void pythonRoundingRoundsHalvesToEven() {
        assertThat(ago(Duration.ofSeconds(150))).isEqualTo("2 minutes ago");
        assertThat(ago(Duration.ofSeconds(210))).isEqualTo("4 minutes ago");
    }

    @Test
    void olderDatesNameTheDayWeekdayMonthOrYear() {
        assertThat(english.formatDate(Instant.parse("2025-03-11T09:05:00Z"))).isEqualTo("yesterday at 9:05 am");
        assertThat(english.formatDate(Instant.parse("2025-03-09T21:00:00Z"))).isEqualTo("Sunday at 9:00 pm");
        assertThat(english.formatDate(Instant.parse("2025-01-02T00:10:00Z"))).isEqualTo("January 2 at 12:10 am");
        assertThat(english.formatDate(Instant.parse("2024-01-02T12:00:00Z")))
                .isEqualTo("January 2, 2024 at 12:00 pm");
    }

    @Test
    void shorterLeavesOutTheTimeAndAbsoluteDatesShowTheTimeOfToday() {
        Instant yesterday = Instant.parse("2025-03-11T09:05:00Z");
        assertThat(english.formatDate(yesterday, 0, true, true, false)).isEqualTo("yesterday");
        assertThat(english.formatDate(NOW.minusSeconds(60), 0, false, false, false)).isEqualTo("3:29 pm");
        assertThat(english.formatDate(NOW, 0, true, false, true)).isEqualTo("March 12, 2025 at 3:30 pm");
    }

    @Test
    void aDateSlightlyInTheFutureIsNowAndFurtherIsAFullDate() {
        assertThat(english.formatDate(NOW.plusSeconds(30))).isEqualTo("0 seconds ago");
        assertThat(english.formatDate(NOW.plus(Duration.ofDays(2)))).isEqualTo("March 14, 2025 at 3:30 pm");
    }

    @Test
    void theOffsetShiftsTheLocalTimeWestOfUtc() {
        assertThat(english.formatDate(NOW.minus(Duration.ofDays(2)), 300, true, false, false))
                .isEqualTo("Monday at 10:30 am");
    }

    @Test
    void otherLanguagesUseA24HourClockAndPlainNumbers() {
        UserLocale german = locale("de");
        assertThat(german.formatDate(NOW.minus(Duration.ofDays(2)))).isEqualTo("Monday at 15:30");
        assertThat(german.friendlyNumber(1234567)).isEqualTo("1234567");
        assertThat(locale("zh_CN").formatDate(NOW.minus(Duration.ofDays(2))))
                .isEqualTo("Monday at \u4e0b\u53483:30");
    }

    @Test
    void friendlyNumberGroupsThousandsInEnglish() {
        assertThat(english.friendlyNumber(0)).isEqualTo("0");
        assertThat(english.friendlyNumber(999)).isEqualTo("999");
        assertThat(english.friendlyNumber(1000)).isEqualTo("1,000");
        assertThat(english.friendlyNumber(1234567)).isEqualTo("1,234,567");
        assertThat(english.friendlyNumber(-45000)).isEqualTo("-45,000");
    }

    @Test
    void listToTextJoinsWithCommasAndAnd() {
        assertThat(english.listToText(List.of())).isEmpty();
        assertThat(english.listToText(List.of("a"))).isEqualTo("a");
        assertThat(english.listToText(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(english.listToText(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }

    @Test
    void formatDayNamesTheWeekdayOnRequest() {
        assertThat(english.formatDay(NOW, 0, true)).isEqualTo("Wednesday, March 12");
        assertThat(english.formatDay(NOW, 0, false)).isEqualTo("March 12");
    }
}
