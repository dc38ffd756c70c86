package org.tornadojava.httpclient;

/**
 * What makes connections interchangeable: scheme, host, port and, for HTTPS, whether the certificate was
 * checked (a connection opened without checks never serves a request that wants them). Immutable; thread-safe.
 *
 * @param tls true for HTTPS
 * @param host host name or IP address, lower-case
 * @param port the port
 * @param validateCert for HTTPS, whether the certificate and host name were checked; always true for HTTP
 */
record PoolKey(boolean tls, String host, int port, boolean validateCert) {

    static PoolKey of(RequestUrl url, boolean validateCert) {
        return new PoolKey(url.tls(), url.host(), url.port(), !url.tls() || validateCert);
    }

    /** {@code scheme://host:port} for log messages. */
    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
