package org.tornadojava.httpclient;

import java.time.Duration;

/**
 * The settings one request runs with: its own values, the client's defaults for the rest. Immutable; thread-safe.
 *
 * @param connectTimeout longest time to open a connection; zero for none
 * @param requestTimeout longest time from {@code fetch} to the end of the response; zero for none
 * @param followRedirects whether 3xx responses with a {@code Location} are followed
 * @param maxRedirects how many more redirects may be followed
 * @param decompressResponse whether to ask for gzip and decompress the response
 * @param validateCert whether the server's certificate and host name are checked
 * @param proxy the proxy to go through, or null for a direct connection
 */
record RequestSettings(Duration connectTimeout, Duration requestTimeout, boolean followRedirects, int maxRedirects,
                       boolean decompressResponse, boolean validateCert, HttpProxy proxy) {

    static RequestSettings of(HttpRequest request, HttpClientOptions defaults) {
        return new RequestSettings(
                request.connectTimeout() != null ? request.connectTimeout() : defaults.connectTimeout(),
                request.requestTimeout() != null ? request.requestTimeout() : defaults.requestTimeout(),
                request.followRedirects() != null ? request.followRedirects() : defaults.followRedirects(),
                request.maxRedirects() != null ? request.maxRedirects() : defaults.maxRedirects(),
                request.decompressResponse() != null ? request.decompressResponse() : defaults.decompressResponse(),
                request.validateCert() != null ? request.validateCert() : defaults.validateCert(),
                request.proxy() != null ? request.proxy() : defaults.proxy());
    }
}
