package org.tornadojava.httpclient;

/**
 * How {@link HttpRequest.Builder#authUsername authUsername} and {@code authPassword} are sent, Tornado's
 * {@code auth_mode}.
 */
public enum AuthMode {
    /** {@code Authorization: Basic} on the first request (Tornado's default). */
    BASIC,
    /**
     * HTTP digest authentication (RFC 7616, MD5 or SHA-256, {@code qop=auth} or none): the request goes out
     * without credentials, and a {@code 401} with a {@code Digest} challenge is answered once with the computed
     * {@code Authorization}.
     */
    DIGEST
}
