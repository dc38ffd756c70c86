package org.tornadojava.httpclient;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.List;
import java.util.Set;

/**
 * Tornado's redirect rules (simple_httpclient, 6.5.6): 301, 302, 303, 307 and 308 with a {@code Location} are
 * followed while redirects are left; 303 (except for HEAD), and 301 or 302 after a POST, become a GET without body
 * or body headers; 307 and 308 keep the method and the body (a body producer runs again); {@code Authorization},
 * {@code Cookie} and the {@code authUsername} credentials are dropped when the target's origin (scheme, host, port)
 * differs from the original request's. Stateless; thread-safe.
 */
final class Redirects {
    private static final Set<Integer> CODES = Set.of(301, 302, 303, 307, 308);
    private static final List<String> BODY_HEADERS = List.of("Content-Length", "Content-Type", "Content-Encoding",
            "Transfer-Encoding");

    private Redirects() {
    }

    /**
     * The request to send next, if the response is a redirect to follow.
     *
     * @param hop the request that got the response
     * @param settings the settings it ran with
     * @param original the URL given to {@code fetch}, for the origin check
     * @param code the response status
     * @param headers the response headers
     * @return the next request, or null when the response is final (not a redirect, no redirects left, no or an
     *         unusable {@code Location})
     */
    static HttpRequest next(HttpRequest hop, RequestSettings settings, RequestUrl original, int code,
                            HttpHeaders headers) {
        String location = headers.get(HttpHeaderNames.LOCATION);
        if (!settings.followRedirects() || settings.maxRedirects() <= 0 || !CODES.contains(code)
                || location == null) {
            return null;
        }
        RequestUrl target = hop.parsedUrl().resolve(location);
        if (target == null) {
            return null;
        }
        HttpRequest.Builder next = hop.toBuilder()
                .url(target)
                .maxRedirects(settings.maxRedirects() - 1)
                .removeHeader("Host");
        if (!target.sameOrigin(original)) {
            next.removeHeader("Authorization").removeHeader("Cookie").authUsername(null).authPassword(null);
        }
        String method = hop.method();
        if ((code == 303 && !method.equals("HEAD")) || ((code == 301 || code == 302) && method.equals("POST"))) {
            next.method("GET").body((byte[]) null).bodyProducer(null);
            BODY_HEADERS.forEach(next::removeHeader);
        }
        return next.build();
    }
}
