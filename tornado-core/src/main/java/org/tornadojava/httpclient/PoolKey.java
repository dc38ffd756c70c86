package org.tornadojava.httpclient;

/**
 * What makes connections interchangeable: scheme, host, port, the proxy they go through and, for HTTPS, whether
 * the certificate was checked (a connection opened without checks never serves a request that wants them).
 * Immutable; thread-safe.
 *
 * @param tls true for HTTPS
 * @param host host name or IP address, lower-case
 * @param port the port
 * @param validateCert for HTTPS, whether the certificate and host name were checked; always true for HTTP
 * @param proxy the proxy the connection goes through, or null for a direct one
 */
record PoolKey(boolean tls, String host, int port, boolean validateCert, HttpProxy proxy) {

    static PoolKey of(RequestUrl url, RequestSettings settings) {
        return new PoolKey(url.tls(), url.host(), url.port(), !url.tls() || settings.validateCert(),
                settings.proxy());
    }

    /** Tells whether requests go to a proxy as absolute URLs (plain HTTP through a proxy). */
    boolean forwardsThroughProxy() {
        return proxy != null && !tls;
    }

    /** Tells whether the connection is a {@code CONNECT} tunnel through a proxy (HTTPS through a proxy). */
    boolean tunnelsThroughProxy() {
        return proxy != null && tls;
    }

    /** {@code scheme://host:port}, and the proxy, for log messages. */
    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (proxy == null ? "" : " via proxy " + proxy);
    }
}
