package org.tornadojava.web;

import java.time.Duration;
import java.time.Instant;

/**
 * The attributes of a cookie set with {@link RequestHandler#setCookie(String, String, CookieOptions)}, Tornado's
 * {@code set_cookie} keyword arguments: path (default {@code /}), domain, lifetime, {@code HttpOnly},
 * {@code Secure} and {@code SameSite}.
 *
 * <pre>{@code
 * setCookie("theme", "dark", CookieOptions.defaults().maxAge(Duration.ofDays(365)).httpOnly(true));
 * }</pre>
 *
 * <p>A cookie with a lifetime ({@link #expires}, {@link #maxAge} or {@link #expiresDays}) is written with both
 * {@code expires=} (absolute, for old clients) and {@code Max-Age=} (relative, so a browser whose clock is wrong
 * keeps the cookie for the intended time). Without one it is a session cookie.
 *
 * <p>Immutable: every setter returns a new instance. Thread-safe.
 */
public final class CookieOptions {
    private static final CookieOptions DEFAULTS = new CookieOptions("/", null, null, null, null, false, false, null);

    private final String path;
    private final String domain;
    private final Instant expires;
    private final Duration maxAge;
    private final Duration expiresAfter;
    private final boolean httpOnly;
    private final boolean secure;
    private final String sameSite;

    private CookieOptions(String path, String domain, Instant expires, Duration maxAge, Duration expiresAfter,
                          boolean httpOnly, boolean secure, String sameSite) {
        this.path = path;
        this.domain = domain;
        this.expires = expires;
        this.maxAge = maxAge;
        this.expiresAfter = expiresAfter;
        this.httpOnly = httpOnly;
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /**
     * Path {@code /}, no domain, a session cookie, no flags: what {@code setCookie(name, value)} uses. Any thread.
     *
     * @return the default options
     */
    public static CookieOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sets the {@code Path} attribute. Any thread.
     *
     * @param path the path, or null for none
     * @return new options
     * @throws IllegalArgumentException when it contains {@code ;}, white space, control or non-ASCII characters
     */
    public CookieOptions path(String path) {
        return new CookieOptions(checkAttribute("path", path), domain, expires, maxAge, expiresAfter, httpOnly, secure,
                sameSite);
    }

    /**
     * Sets the {@code Domain} attribute. Any thread.
     *
     * @param domain e.g. {@code example.com}, or null for none
     * @return new options
     * @throws IllegalArgumentException as {@link #path}
     */
    public CookieOptions domain(String domain) {
        return new CookieOptions(path, checkAttribute("domain", domain), expires, maxAge, expiresAfter, httpOnly,
                secure, sameSite);
    }

    /**
     * Sets an absolute expiry (Tornado's {@code expires}); it wins over {@link #expiresDays}. {@code Max-Age} is
     * then written as the time left until it, unless {@link #maxAge} is set too. Any thread.
     *
     * @param expires when the cookie expires, or null
     * @return new options
     */
    public CookieOptions expires(Instant expires) {
        return new CookieOptions(path, domain, expires, maxAge, expiresAfter, httpOnly, secure, sameSite);
    }

    /**
     * Sets a relative lifetime (Tornado's {@code max_age}); {@code expires=} is then written as now plus it,
     * unless {@link #expires} is set too. Any thread.
     *
     * @param maxAge the lifetime (zero deletes the cookie), or null
     * @return new options
     * @throws IllegalArgumentException when negative
     */
    public CookieOptions maxAge(Duration maxAge) {
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("negative cookie max age " + maxAge);
        }
        return new CookieOptions(path, domain, expires, maxAge, expiresAfter, httpOnly, secure, sameSite);
    }

    /**
     * Sets the lifetime in days from now (Tornado's {@code expires_days}). Any thread.
     *
     * @param days the number of days, may be fractional
     * @return new options
     * @throws IllegalArgumentException when negative or not finite
     */
    public CookieOptions expiresDays(double days) {
        if (!(days >= 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("invalid cookie lifetime in days: " + days);
        }
        Duration after = Duration.ofMillis(Math.round(days * 86_400_000d));
        return new CookieOptions(path, domain, expires, maxAge, after, httpOnly, secure, sameSite);
    }

    /**
     * Sets the {@code HttpOnly} flag (scripts cannot read the cookie). Any thread.
     *
     * @param httpOnly the flag
     * @return new options
     */
    public CookieOptions httpOnly(boolean httpOnly) {
        return new CookieOptions(path, domain, expires, maxAge, expiresAfter, httpOnly, secure, sameSite);
    }

    /**
     * Sets the {@code Secure} flag (sent over HTTPS only). Any thread.
     *
     * @param secure the flag
     * @return new options
     */
    public CookieOptions secure(boolean secure) {
        return new CookieOptions(path, domain, expires, maxAge, expiresAfter, httpOnly, secure, sameSite);
    }

    /**
     * Sets the {@code SameSite} attribute. Any thread.
     *
     * @param sameSite {@code Strict}, {@code Lax} or {@code None}, or null for none
     * @return new options
     * @throws IllegalArgumentException as {@link #path}
     */
    public CookieOptions sameSite(String sameSite) {
        return new CookieOptions(path, domain, expires, maxAge, expiresAfter, httpOnly, secure,
                checkAttribute("samesite", sameSite));
    }

    /**
     * The {@code Path} attribute. Any thread.
     *
     * @return the path, or null
     */
    public String path() {
        return path;
    }

    /**
     * The {@code Domain} attribute. Any thread.
     *
     * @return the domain, or null
     */
    public String domain() {
        return domain;
    }

    /**
     * Whether {@code HttpOnly} is set. Any thread.
     *
     * @return the flag
     */
    public boolean httpOnly() {
        return httpOnly;
    }

    /**
     * Whether {@code Secure} is set. Any thread.
     *
     * @return the flag
     */
    public boolean secure() {
        return secure;
    }

    /**
     * The {@code SameSite} attribute. Any thread.
     *
     * @return the value, or null
     */
    public String sameSite() {
        return sameSite;
    }

    /**
     * Tells whether the cookie outlives the browser session. Any thread.
     *
     * @return true when an expiry or lifetime was given
     */
    public boolean hasLifetime() {
        return expires != null || maxAge != null || expiresAfter != null;
    }

    /**
     * The absolute expiry written as {@code expires=}. Any thread.
     *
     * @param now the current time
     * @return the expiry, or null for a session cookie
     */
    public Instant expiresAt(Instant now) {
        if (expires != null) {
            return expires;
        }
        if (maxAge != null) {
            return now.plus(maxAge);
        }
        return expiresAfter == null ? null : now.plus(expiresAfter);
    }

    /**
     * The relative lifetime written as {@code Max-Age=}, in whole seconds, never negative. Any thread.
     *
     * @param now the current time
     * @return the seconds, or -1 for a session cookie
     */
    public long maxAgeSeconds(Instant now) {
        if (maxAge != null) {
            return maxAge.getSeconds();
        }
        if (expires != null) {
            return Math.max(0, Duration.between(now, expires).getSeconds());
        }
        return expiresAfter == null ? -1 : expiresAfter.getSeconds();
    }

    private static String checkAttribute(String attribute, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ';') {
                throw new IllegalArgumentException("Invalid cookie attribute " + attribute + "=" + value);
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return "CookieOptions(path=" + path + ", domain=" + domain + ", expires=" + expires + ", maxAge=" + maxAge
                + ", expiresAfter=" + expiresAfter + ", httpOnly=" + httpOnly + ", secure=" + secure
                + ", sameSite=" + sameSite + ")";
    }
}
