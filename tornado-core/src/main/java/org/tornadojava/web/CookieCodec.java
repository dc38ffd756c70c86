package org.tornadojava.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import org.tornadojava.http.HttpDates;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tornado's cookie wire format, both ways. {@code Set-Cookie} lines are written the way Python's
 * {@code http.cookies.Morsel} writes them for Tornado: attributes in its (alphabetical) order
 * {@code Domain, expires, HttpOnly, Max-Age, Path, SameSite, Secure}, and values outside the cookie token
 * characters double-quoted with {@code \"}, {@code \\} and octal {@code \073} escapes (Netty's encoder spells and
 * orders attributes differently). Request {@code Cookie} headers are split by Netty's lax decoder; quoted values
 * are unescaped as Tornado does, and of two cookies with one name the last wins. Stateless; thread-safe.
 */
final class CookieCodec {
    private static final String LEGAL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "!#$%&'*+-.^_`|~:";
    private static final String UNESCAPED = LEGAL + " ()/<=>?@[]{}";
    private static final Set<String> RESERVED = Set.of("expires", "path", "comment", "domain", "max-age", "secure",
            "httponly", "version", "samesite", "partitioned");

    private CookieCodec() {
    }

    /**
     * The value of one {@code Set-Cookie} header.
     *
     * @throws IllegalArgumentException for a name that is empty, reserved or not a token, or a value with white
     *         space, control characters or characters beyond Latin-1
     */
    static String setCookie(String name, String value, CookieOptions options, Instant now) {
        checkName(name);
        StringBuilder line = new StringBuilder(64).append(name).append('=');
        appendQuoted(line, name, value);
        if (options.domain() != null && !options.domain().isEmpty()) {
            line.append("; Domain=").append(options.domain());
        }
        Instant expires = options.expiresAt(now);
        if (expires != null) {
            line.append("; expires=").append(HttpDates.format(expires.toEpochMilli()));
        }
        if (options.httpOnly()) {
            line.append("; HttpOnly");
        }
        long maxAge = options.maxAgeSeconds(now);
        if (maxAge >= 0) {
            line.append("; Max-Age=").append(maxAge);
        }
        if (options.path() != null && !options.path().isEmpty()) {
            line.append("; Path=").append(options.path());
        }
        if (options.sameSite() != null && !options.sameSite().isEmpty()) {
            line.append("; SameSite=").append(options.sameSite());
        }
        if (options.secure()) {
            line.append("; Secure");
        }
        return line.toString();
    }

    /** The request's cookies by name, Tornado's {@code request.cookies}. */
    static Map<String, String> parse(HttpHeaders headers) {
        List<String> lines = headers.getAll(HttpHeaderNames.COOKIE);
        if (lines.isEmpty()) {
            return Map.of();
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : lines) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(line)) {
                cookies.put(cookie.name(), cookie.wrap() ? unescape(cookie.value()) : cookie.value());
            }
        }
        return cookies;
    }

    /** Whether a cookie may have this name: a non-empty token that is not an attribute name. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (LEGAL.indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Invalid cookie attribute name=" + name);
        }
    }

    /** Python's {@code http.cookies._quote}: token characters as they are, anything else quoted and escaped. */
    private static void appendQuoted(StringBuilder out, String name, String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c > 0xff) {
                throw new IllegalArgumentException("Invalid cookie " + name + ": value contains "
                        + (c > 0xff ? "a character beyond Latin-1" : "white space or a control character"));
            }
            plain &= LEGAL.indexOf(c) >= 0;
        }
        if (plain) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (UNESCAPED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        out.append('"');
    }

    /** Python's {@code http.cookies._unquote} without the quotes: {@code \ooo} octal and {@code \c} escapes. */
    private static String unescape(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted;
        }
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= quoted.length()) {
                out.append(c);
            } else if (isOctal(quoted, i + 1)) {
                out.append((char) (((quoted.charAt(i + 1) - '0') << 6) | ((quoted.charAt(i + 2) - '0') << 3)
                        | (quoted.charAt(i + 3) - '0')));
                i += 3;
            } else {
                out.append(quoted.charAt(++i));
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int at) {
        return at + 2 < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '3'
                && text.charAt(at + 1) >= '0' && text.charAt(at + 1) <= '7'
                && text.charAt(at + 2) >= '0' && text.charAt(at + 2) <= '7';
    }
}
