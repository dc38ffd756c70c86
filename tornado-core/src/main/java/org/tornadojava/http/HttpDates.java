package org.tornadojava.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;

import java.util.Date;

/**
 * The value of the {@code Date} header (RFC 1123, GMT), formatted at most once a second. Thread-safe.
 */
public final class HttpDates {
    private static volatile CachedDate cached = new CachedDate(0, AsciiString.EMPTY_STRING);

    private HttpDates() {
    }

    /**
     * The current time as an HTTP date, e.g. {@code Tue, 24 Nov 2026 03:30:50 GMT}. Any thread.
     *
     * @return the formatted date for the current second
     */
    public static AsciiString now() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate current = cached;
        if (current.second != second) {
            current = new CachedDate(second, AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
            cached = current;
        }
        return current.value;
    }

    /**
     * Formats a time as an HTTP date. Any thread.
     *
     * @param epochMillis milliseconds since the epoch
     * @return the RFC 1123 date in GMT
     */
    public static String format(long epochMillis) {
        return DateFormatter.format(new Date(epochMillis));
    }

    private static final class CachedDate {
        final long second;
        final AsciiString value;

        CachedDate(long second, AsciiString value) {
            this.second = second;
            this.value = value;
        }
    }
}
