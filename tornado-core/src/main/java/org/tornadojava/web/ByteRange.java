package org.tornadojava.web;

/**
 * What a {@code Range} request header asks of a file of known size, with Tornado's rules
 * ({@code httputil._parse_request_range} and {@code StaticFileHandler.get}): one range only,
 * {@code bytes=first-last}, {@code bytes=first-} or a suffix {@code bytes=-n}. An end past the file is clamped;
 * a first byte at or past the end, a last byte before the first, or {@code bytes=-0} is unsatisfiable (416); a
 * header that cannot be parsed (another unit, several ranges, garbage) is ignored, and so is a range covering the
 * whole file ({@code bytes=0-} answers 200, which Chrome needs for audio). Immutable.
 */
final class ByteRange {
    private static final ByteRange UNSATISFIABLE = new ByteRange(0, 0, false, false);

    private final long start;
    private final long length;
    private final boolean partial;
    private final boolean satisfiable;

    private ByteRange(long start, long length, boolean partial, boolean satisfiable) {
        this.start = start;
        this.length = length;
        this.partial = partial;
        this.satisfiable = satisfiable;
    }

    /**
     * Applies a {@code Range} header to a file.
     *
     * @param header the header value, or null when absent
     * @param size the file's size
     */
    static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(0, size, false, true);
        if (header == null) {
            return whole;
        }
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).strip().equals("bytes")) {
            return whole;
        }
        String value = header.substring(equals + 1).strip();
        int dash = value.indexOf('-');
        Long start = number(dash < 0 ? value : value.substring(0, dash));
        Long end = dash < 0 ? null : number(value.substring(dash + 1));
        if (start != null && start < 0 || end != null && end < 0) {
            return whole;
        }
        // Tornado's (start, end) slice form: end exclusive, a suffix as a negative start, bytes=-0 as end 0.
        if (end != null) {
            if (start == null) {
                if (end != 0) {
                    start = -end;
                    end = null;
                }
            } else {
                end = end + 1;
            }
        }
        if (start != null && start < 0) {
            start = Math.max(0, start + size);
        }
        if (start != null && (start >= size || end != null && start >= end) || end != null && end == 0) {
            return UNSATISFIABLE;
        }
        if (end != null && end > size) {
            end = size;
        }
        long first = start == null ? 0 : start;
        long stop = end == null ? size : end;
        return new ByteRange(first, stop - first, stop - first != size, true);
    }

    /** A decimal number, null for an empty string, -1 when it is not a number. */
    private static Long number(String text) {
        String digits = text.strip();
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.length() > 18) {
            return -1L;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1L;
            }
        }
        return Long.parseLong(digits);
    }

    /** False when the answer is 416. */
    boolean satisfiable() {
        return satisfiable;
    }

    /** True when the answer is 206 with {@link #contentRange}; false for the whole file. */
    boolean partial() {
        return partial;
    }

    /** First byte to send. */
    long start() {
        return start;
    }

    /** Number of bytes to send. */
    long length() {
        return length;
    }

    /** The {@code Content-Range} value: {@code bytes first-last/size}, or {@code bytes *}{@code /size} for 416. */
    String contentRange(long size) {
        return satisfiable ? "bytes " + start + "-" + (start + length - 1) + "/" + size : "bytes */" + size;
    }
}
