package org.tornadojava.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;

import java.util.Date;

/**
 * The value of the {@code Date} header (RFC 1123, GMT), formatted at most once a second and read from the wall
 * clock only when a new second starts: requests are dated by the {@link System#nanoTime()} reading they already
 * have. Thread-safe.
 */
public final class HttpDates {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static volatile CachedDate cached = new CachedDate(0, 0, AsciiString.EMPTY_STRING);

    private HttpDates() {
    }

    /**
     * The current time as an HTTP date, e.g. {@code Tue, 24 Nov 2026 03:30:50 GMT}. Any thread.
     *
     * @return the formatted date for the current second
     */
    public static AsciiString now() {
        return at(System.nanoTime());
    }

    /**
     * The HTTP date of an instant given as a {@link System#nanoTime()} reading, such as a request's start. Within
     * the second the cached date covers, no clock is read; for an instant outside it, the wall clock is read once
     * and that instant's second cached (an older instant is dated correctly too, at that cost). Any thread.
     *
     * @param nanoTime a {@code System.nanoTime()} reading
     * @return the formatted date of the second that instant falls in
     */
    public static AsciiString at(long nanoTime) {
        CachedDate current = cached;
        if (nanoTime - current.fromNanos >= 0 && nanoTime - current.untilNanos < 0) {
            return current.value;
        }
        long millis = System.currentTimeMillis() - (System.nanoTime() - nanoTime) / NANOS_PER_MILLI;
        long second = Math.floorDiv(millis, 1000L);
        long leftInSecond = 999 - Math.floorMod(millis, 1000L);
        current = new CachedDate(nanoTime, nanoTime + leftInSecond * NANOS_PER_MILLI,
                AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
        cached = current;
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

    /**
     * The date of one second and the span of {@code nanoTime} readings known to fall in it (ending up to a millisecond
     * early, since the wall clock is read in whole milliseconds).
     */
    private static final class CachedDate {
        final long fromNanos;
        final long untilNanos;
        final AsciiString value;

        CachedDate(long fromNanos, long untilNanos, AsciiString value) {
            this.fromNanos = fromNanos;
            this.untilNanos = untilNanos;
            this.value = value;
        }
    }
}
