package org.tornadojava.demo.chat;

/**
 * Guards redirects after login against open redirects: only a path on this server is followed.
 * Stateless; any thread.
 */
public final class LocalUrl {
    private LocalUrl() {
    }

    /**
     * The given URL when it is a local path, else the fallback. A local path starts with one {@code /} and holds
     * no backslash and no control or white-space character (browsers read {@code /\evil} and
     * {@code /<tab>/evil} as {@code //evil}, another host).
     *
     * @param url the requested target, e.g. the {@code next} argument; may be null
     * @param fallback where to go otherwise
     * @return {@code url} or {@code fallback}
     */
    public static String orElse(String url, String fallback) {
        if (url == null || !url.startsWith("/") || url.startsWith("//")) {
            return fallback;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return fallback;
            }
        }
        return url;
    }
}
