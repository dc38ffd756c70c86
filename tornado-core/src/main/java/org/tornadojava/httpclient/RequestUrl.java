package org.tornadojava.httpclient;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code http} or {@code https} URL split the way a request needs it: where to connect, the
 * {@code Host} header and the request target. Immutable; thread-safe.
 */
final class RequestUrl {
    private final String text;
    private final URI base;
    private final boolean tls;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final String target;

    private RequestUrl(String text, URI base, boolean tls, String host, int port, String hostHeader,
                       String target) {
        this.text = text;
        this.base = base;
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.hostHeader = hostHeader;
        this.target = target;
    }

    /**
     * Parses an absolute URL.
     *
     * @param url e.g. {@code https://example.com:8443/a?b=c}
     * @return the parsed URL
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    static RequestUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("URL must start with http:// or https://: '" + url + "'");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: '" + url + "'");
        }
        if (authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("credentials in the URL are not supported, use authUsername and"
                    + " authPassword (or an Authorization header) instead: '" + url + "'");
        }
        boolean tls = scheme.equals("https");
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid IPv6 host in URL '" + url + "'");
            }
            host = authority.substring(1, close);
            portText = authority.length() > close + 1 && authority.charAt(close + 1) == ':'
                    ? authority.substring(close + 2) : null;
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: '" + url + "'");
        }
        int port = portText == null || portText.isEmpty() ? (tls ? 443 : 80) : parsePort(portText, url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery();
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        URI base = URI.create(scheme + "://" + authority + target);
        return new RequestUrl(base.toString(), base, tls, host.toLowerCase(Locale.ROOT), port, authority, target);
    }

    private static int parsePort(String text, String url) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid port in URL '" + url + "'");
    }

    /**
     * Resolves a {@code Location} header against this URL as RFC 3986 says (a query-only reference keeps the
     * path, unlike {@link URI#resolve}).
     *
     * @param location the header value, absolute or relative
     * @return the target, or null when it is not a usable http or https URL
     */
    RequestUrl resolve(String location) {
        String reference = location.trim();
        try {
            if (reference.startsWith("?")) {
                return parse(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + reference);
            }
            return parse(base.resolve(new URI(reference)).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Tells whether both URLs have the same scheme, host and port.
     *
     * @param other another URL
     * @return true for the same origin
     */
    boolean sameOrigin(RequestUrl other) {
        return tls == other.tls && host.equals(other.host) && port == other.port;
    }

    /** The URL without its fragment, e.g. for {@code effectiveUrl}. */
    @Override
    public String toString() {
        return text;
    }

    boolean tls() {
        return tls;
    }

    /** Host name or IP address to connect to, lower-case, without IPv6 brackets. */
    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** {@code host:port} for messages. */
    String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The {@code Host} header: the authority as written in the URL. */
    String hostHeader() {
        return hostHeader;
    }

    /** The request target: raw path (at least {@code /}) and query. */
    String target() {
        return target;
    }
}
