package org.tornadojava.web;

import java.util.Locale;

/**
 * Body format of the default error response ({@code tornado.errors.format}).
 */
public enum ErrorFormat {
    /** Tornado's page: {@code <html><title>404: Not Found</title><body>404: Not Found</body></html>}. */
    HTML,
    /** {@code {"status":404,"reason":"Not Found"}} as {@code application/json}. */
    JSON;

    /**
     * Parses {@code html} or {@code json}, case-insensitive.
     *
     * @param value the text
     * @return the format
     * @throws IllegalArgumentException for anything else
     */
    public static ErrorFormat parse(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "html":
                return HTML;
            case "json":
                return JSON;
            default:
                throw new IllegalArgumentException("unknown error format '" + value + "' (expected html or json)");
        }
    }
}
