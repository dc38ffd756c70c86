package org.tornadojava.locale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language a user sees pages in, Tornado's {@code tornado.locale.Locale}: translates messages and formats dates,
 * lists and numbers the way Tornado does. Named {@code UserLocale} so as not to be confused with
 * {@link java.util.Locale}; {@link #javaLocale()} gives that one. Obtained from {@link Locales} (in a handler:
 * {@code locale()}). Immutable; thread-safe.
 *
 * <p>Messages use Python's named placeholders, as in Tornado's translation files; {@link #format} fills them in:
 * {@code locale.format(locale.translate("%(name)s liked this", "%(name)s liked this", n), Map.of("name", who))}.
 */
public final class UserLocale {
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private final String code;
    private final Translations translations;
    private final Clock clock;

    UserLocale(String code, Translations translations, Clock clock) {
        this.code = code;
        this.translations = translations;
        this.clock = clock;
    }

    /**
     * The locale's code, e.g. {@code en_US} or {@code fr}. Any thread.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The language's name in itself, e.g. {@code français (France)}. Any thread.
     *
     * @return the name, or {@code Unknown}
     */
    public String name() {
        Locale locale = javaLocale();
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? "Unknown" : name;
    }

    /**
     * Whether the language is written right to left (Persian, Arabic, Hebrew), as Tornado decides it. Any thread.
     *
     * @return true for right-to-left
     */
    public boolean rtl() {
        return code.startsWith("fa") || code.startsWith("ar") || code.startsWith("he");
    }

    /**
     * The matching {@link java.util.Locale}. Any thread.
     *
     * @return the Java locale
     */
    public Locale javaLocale() {
        return Locale.forLanguageTag(code.replace('_', '-'));
    }

    /**
     * Translates a message without plural forms. Any thread.
     *
     * @param message the English message
     * @return the translation, or the message itself when there is none
     */
    public String translate(String message) {
        return translate(message, null, 1);
    }

    /**
     * Translates a message, choosing the plural form when {@code count} is not 1, Tornado's
     * {@code translate(message, plural_message, count)}. Any thread.
     *
     * @param message the English singular message
     * @param pluralMessage the English plural message, or null
     * @param count the number the message is about
     * @return the translation; without one, {@code pluralMessage} when given and {@code count != 1}, else
     *         {@code message}
     */
    public String translate(String message, String pluralMessage, int count) {
        String translated = translations.translate(code, message, pluralMessage, count);
        if (translated != null) {
            return translated;
        }
        return pluralMessage != null && count != 1 ? pluralMessage : message;
    }

    /**
     * Fills in the named placeholders of a (translated) message: {@code %(name)s}, {@code %(count)d}, {@code %%}.
     * Any thread.
     *
     * @param message the message
     * @param values the values by name
     * @return the message with its placeholders replaced
     */
    public String format(String message, Map<String, ?> values) {
        return PythonFormat.named(message, values);
    }

    /**
     * Formats a date relative to now, in UTC, as Tornado's {@code format_date(date)}: {@code 2 minutes ago},
     * {@code yesterday at 3:04 pm}, {@code Monday at 9:00 am}, {@code March 5 at 1:00 pm},
     * {@code March 5, 2020 at 1:00 pm}. Any thread.
     *
     * @param date the moment
     * @return the text in this locale
     */
    public String formatDate(Instant date) {
        return formatDate(date, 0, true, false, false);
    }

    /**
     * Formats a date as Tornado's {@code format_date}. Within the last day and {@code relative}, the age in seconds,
     * minutes or hours; otherwise the time, with the weekday (within 5 days), the month and day (within 334 days) or
     * the full date. A date up to a minute in the future is "now" (clock skew); further in the future, or with
     * {@code fullFormat}, the full date. Times use a 12-hour clock in {@code en}, {@code en_US} and {@code zh_CN},
     * else 24-hour. Any thread.
     *
     * @param date the moment
     * @param gmtOffsetMinutes the user's offset from UTC, in minutes west (Tornado's {@code gmt_offset}: UTC-5 is
     *        300)
     * @param relative whether recent dates read "2 hours ago" and "yesterday"
     * @param shorter whether to leave out the time of day
     * @param fullFormat whether to always give the full date
     * @return the text in this locale
     */
    public String formatDate(Instant date, int gmtOffsetMinutes, boolean relative, boolean shorter,
                             boolean fullFormat) {
        Instant now = clock.instant();
        boolean full = fullFormat;
        Instant when = date;
        if (when.isAfter(now)) {
            if (relative && Duration.between(now, when).getSeconds() < 60) {
                when = now;
            } else {
                full = true;
            }
        }
        LocalDateTime localDate = local(when, gmtOffsetMinutes);
        LocalDateTime localYesterday = local(now, gmtOffsetMinutes).minusHours(24);
        long ago = Duration.between(when, now).getSeconds();
        long days = Math.floorDiv(ago, 86_400);
        long seconds = Math.floorMod(ago, 86_400);
        String format = null;
        if (!full) {
            if (relative && days == 0) {
                return relativeAge(seconds);
            }
            if (days == 0) {
                format = translate("%(time)s");
            } else if (days == 1 && localDate.getDayOfMonth() == localYesterday.getDayOfMonth() && relative) {
                format = shorter ? translate("yesterday") : translate("yesterday at %(time)s");
            } else if (days < 5) {
                format = shorter ? translate("%(weekday)s") : translate("%(weekday)s at %(time)s");
            } else if (days < 334) {
                format = shorter ? translate("%(month_name)s %(day)s")
                        : translate("%(month_name)s %(day)s at %(time)s");
            }
        }
        if (format == null) {
            format = shorter ? translate("%(month_name)s %(day)s, %(year)s")
                    : translate("%(month_name)s %(day)s, %(year)s at %(time)s");
        }
        return PythonFormat.named(format, Map.of(
                "month_name", translate(MONTHS.get(localDate.getMonthValue() - 1)),
                "weekday", translate(WEEKDAYS.get(localDate.getDayOfWeek().getValue() - 1)),
                "day", String.valueOf(localDate.getDayOfMonth()),
                "year", String.valueOf(localDate.getYear()),
                "time", timeOfDay(localDate)));
    }

    private String relativeAge(long seconds) {
        if (seconds < 50) {
            return count("1 second ago", "%(seconds)d seconds ago", "seconds", seconds);
        }
        if (seconds < 50 * 60) {
            return count("1 minute ago", "%(minutes)d minutes ago", "minutes", Math.round(Math.rint(seconds / 60.0)));
        }
        return count("1 hour ago", "%(hours)d hours ago", "hours", Math.round(Math.rint(seconds / 3600.0)));
    }

    private String count(String singular, String plural, String name, long value) {
        return PythonFormat.named(translate(singular, plural, (int) value), Map.of(name, value));
    }

    private String timeOfDay(LocalDateTime time) {
        int hour = time.getHour();
        int minute = time.getMinute();
        int hour12 = hour % 12 == 0 ? 12 : hour % 12;
        if (code.equals("zh_CN")) {
            return String.format("%s%d:%02d", hour >= 12 ? "\u4e0b\u5348" : "\u4e0a\u5348", hour12, minute);
        }
        if (code.equals("en") || code.equals("en_US")) {
            return String.format("%d:%02d %s", hour12, minute, hour >= 12 ? "pm" : "am");
        }
        return String.format("%d:%02d", hour, minute);
    }

    private static LocalDateTime local(Instant instant, int gmtOffsetMinutes) {
        return LocalDateTime.ofInstant(instant.minus(Duration.ofMinutes(gmtOffsetMinutes)), ZoneOffset.UTC);
    }

    /**
     * Formats the day of a date, Tornado's {@code format_day}: {@code Monday, January 22} or {@code January 22}.
     * Any thread.
     *
     * @param date the moment
     * @param gmtOffsetMinutes the user's offset from UTC, in minutes west
     * @param dayOfWeek whether to name the weekday
     * @return the text in this locale
     */
    public String formatDay(Instant date, int gmtOffsetMinutes, boolean dayOfWeek) {
        LocalDateTime localDate = local(date, gmtOffsetMinutes);
        String format = dayOfWeek ? translate("%(weekday)s, %(month_name)s %(day)s")
                : translate("%(month_name)s %(day)s");
        return PythonFormat.named(format, Map.of(
                "month_name", translate(MONTHS.get(localDate.getMonthValue() - 1)),
                "weekday", translate(WEEKDAYS.get(localDate.getDayOfWeek().getValue() - 1)),
                "day", String.valueOf(localDate.getDayOfMonth())));
    }

    /**
     * Joins parts as a sentence, Tornado's {@code list_to_text}: {@code A}, {@code A and B},
     * {@code A, B and C} (the connective translated; Persian joins with its own comma). Any thread.
     *
     * @param parts the parts
     * @return the text, empty for no parts
     */
    public String listToText(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        String comma = code.startsWith("fa") ? " \u0648 " : ", ";
        return PythonFormat.named(translate("%(commas)s and %(last)s"), Map.of(
                "commas", String.join(comma, parts.subList(0, parts.size() - 1)),
                "last", parts.get(parts.size() - 1)));
    }

    /**
     * A number with thousands separators in English ({@code 1,234,567}), plain digits in other locales, as
     * Tornado's {@code friendly_number}. Any thread.
     *
     * @param value the number
     * @return the text
     */
    public String friendlyNumber(long value) {
        String digits = Long.toString(Math.abs(value));
        if (!code.equals("en") && !code.equals("en_US")) {
            return Long.toString(value);
        }
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /**
     * The locale's code. Any thread.
     *
     * @return the code
     */
    @Override
    public String toString() {
        return code;
    }
}
