package org.tornadojava.httpclient;

import org.tornadojava.ioloop.Transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of an {@link AsyncHttpClient}: its limits, and the defaults of every request that does not set its own
 * value. Defaults are Tornado's ({@code max_clients} 10, {@code connect_timeout} and {@code request_timeout} 20 s,
 * {@code max_redirects} 5, {@code max_body_size} 100 MB, redirects followed, responses decompressed,
 * certificates validated).
 *
 * <p>A plain mutable holder with fluent setters. The client copies it when it is created, so changing it
 * afterwards changes nothing. Not thread-safe.
 */
public final class HttpClientOptions {
    /** Default number of requests in flight at once, {@value} (Tornado's {@code max_clients}). */
    public static final int DEFAULT_MAX_CLIENTS = 10;
    /** Default number of redirects followed, {@value}. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /** Default largest response body, after decompression, {@value} bytes (Tornado's 100 MB). */
    public static final long DEFAULT_MAX_BODY_SIZE = 100L * 1024 * 1024;
    /** Default largest status line plus header block, {@value} bytes (Tornado's 64 KiB). */
    public static final int DEFAULT_MAX_HEADER_SIZE = 64 * 1024;

    private int maxClients = DEFAULT_MAX_CLIENTS;
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration requestTimeout = Duration.ofSeconds(20);
    private boolean followRedirects = true;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private boolean decompressResponse = true;
    private boolean validateCert = true;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
    private Duration idleConnectionTimeout = Duration.ofSeconds(30);
    private Path caCertificates;
    private Path clientCertificate;
    private Path clientKey;
    private HttpProxy proxy;
    private int ioLoopThreads = 1;
    private Transport transport = Transport.AUTO;

    /** Options with Tornado's defaults. */
    public HttpClientOptions() {
    }

    HttpClientOptions copy() {
        HttpClientOptions copy = new HttpClientOptions();
        copy.maxClients = maxClients;
        copy.connectTimeout = connectTimeout;
        copy.requestTimeout = requestTimeout;
        copy.followRedirects = followRedirects;
        copy.maxRedirects = maxRedirects;
        copy.decompressResponse = decompressResponse;
        copy.validateCert = validateCert;
        copy.maxBodySize = maxBodySize;
        copy.maxHeaderSize = maxHeaderSize;
        copy.idleConnectionTimeout = idleConnectionTimeout;
        copy.caCertificates = caCertificates;
        copy.clientCertificate = clientCertificate;
        copy.clientKey = clientKey;
        copy.proxy = proxy;
        copy.ioLoopThreads = ioLoopThreads;
        copy.transport = transport;
        return copy;
    }

    /**
     * How many requests may be in flight at once; more wait in a first-in, first-out queue.
     *
     * @return the limit
     */
    public int maxClients() {
        return maxClients;
    }

    /**
     * Sets how many requests may be in flight at once over the whole client (Tornado's {@code max_clients}).
     * Requests beyond it wait in order; the wait counts toward their request timeout.
     *
     * @param maxClients at least 1
     * @return this
     */
    public HttpClientOptions maxClients(int maxClients) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1: " + maxClients);
        }
        this.maxClients = maxClients;
        return this;
    }

    /**
     * Default longest time to open a connection (name resolution, TCP and TLS handshake).
     *
     * @return the timeout; zero means none
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the default connect timeout, for requests that do not set their own.
     *
     * @param timeout zero for none, otherwise positive
     * @return this
     */
    public HttpClientOptions connectTimeout(Duration timeout) {
        this.connectTimeout = notNegative("connectTimeout", timeout);
        return this;
    }

    /**
     * Default longest time for a whole request, from {@code fetch} to the last byte of the response, time in the
     * queue included.
     *
     * @return the timeout; zero means none
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Sets the default request timeout, for requests that do not set their own.
     *
     * @param timeout zero for none, otherwise positive
     * @return this
     */
    public HttpClientOptions requestTimeout(Duration timeout) {
        this.requestTimeout = notNegative("requestTimeout", timeout);
        return this;
    }

    /**
     * Whether redirects are followed by default.
     *
     * @return true by default
     */
    public boolean followRedirects() {
        return followRedirects;
    }

    /**
     * Sets whether redirects are followed by default.
     *
     * @param followRedirects false to return 3xx responses as they are
     * @return this
     */
    public HttpClientOptions followRedirects(boolean followRedirects) {
        this.followRedirects = followRedirects;
        return this;
    }

    /**
     * Default number of redirects followed before the last 3xx response is returned.
     *
     * @return the limit
     */
    public int maxRedirects() {
        return maxRedirects;
    }

    /**
     * Sets the default number of redirects followed.
     *
     * @param maxRedirects 0 or more
     * @return this
     */
    public HttpClientOptions maxRedirects(int maxRedirects) {
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
        return this;
    }

    /**
     * Whether responses are decompressed by default (Tornado's {@code decompress_response}).
     *
     * @return true by default
     */
    public boolean decompressResponse() {
        return decompressResponse;
    }

    /**
     * Sets whether requests ask for gzip ({@code Accept-Encoding: gzip}) and decompress the response, by default
     * (Tornado's {@code decompress_response}).
     *
     * @param decompressResponse false to get the bytes as sent
     * @return this
     */
    public HttpClientOptions decompressResponse(boolean decompressResponse) {
        this.decompressResponse = decompressResponse;
        return this;
    }

    /**
     * Whether server certificates and host names are checked by default.
     *
     * @return true by default
     */
    public boolean validateCert() {
        return validateCert;
    }

    /**
     * Sets whether HTTPS requests check the server's certificate chain and host name by default. Turning it off
     * accepts any certificate: only for tests and trusted networks.
     *
     * @param validateCert false to accept any certificate
     * @return this
     */
    public HttpClientOptions validateCert(boolean validateCert) {
        this.validateCert = validateCert;
        return this;
    }

    /**
     * Largest response body, counted after decompression.
     *
     * @return bytes
     */
    public long maxBodySize() {
        return maxBodySize;
    }

    /**
     * Sets the largest response body, counted after decompression, also for streamed bodies; a larger one fails
     * the request and closes its connection.
     *
     * @param maxBodySize bytes, 0 or more
     * @return this
     */
    public HttpClientOptions maxBodySize(long maxBodySize) {
        if (maxBodySize < 0) {
            throw new IllegalArgumentException("maxBodySize must not be negative: " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
        return this;
    }

    /**
     * Largest status line plus header block of a response.
     *
     * @return bytes
     */
    public int maxHeaderSize() {
        return maxHeaderSize;
    }

    /**
     * Sets the largest status line plus header block of a response.
     *
     * @param maxHeaderSize bytes, at least 1024
     * @return this
     */
    public HttpClientOptions maxHeaderSize(int maxHeaderSize) {
        if (maxHeaderSize < 1024) {
            throw new IllegalArgumentException("maxHeaderSize must be at least 1024: " + maxHeaderSize);
        }
        this.maxHeaderSize = maxHeaderSize;
        return this;
    }

    /**
     * How long a kept-alive connection waits in the pool for its next request before it is closed.
     *
     * @return the idle timeout
     */
    public Duration idleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    /**
     * Sets how long a kept-alive connection waits in the pool before it is closed. Keep it below the servers'
     * own keep-alive timeout.
     *
     * @param timeout a positive duration
     * @return this
     */
    public HttpClientOptions idleConnectionTimeout(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("idleConnectionTimeout must be positive: " + timeout);
        }
        this.idleConnectionTimeout = timeout;
        return this;
    }

    /**
     * PEM file of the certificate authorities trusted for HTTPS, or null for the JDK's trust store.
     *
     * @return the file, or null
     */
    public Path caCertificates() {
        return caCertificates;
    }

    /**
     * Trusts the certificate authorities of a PEM file instead of the JDK's trust store (Tornado's
     * {@code ca_certs}). Host names are still checked.
     *
     * @param pemFile the PEM file, or null for the JDK's trust store
     * @return this
     */
    public HttpClientOptions caCertificates(Path pemFile) {
        this.caCertificates = pemFile;
        return this;
    }

    /**
     * PEM file of the client certificate chain presented to HTTPS servers that ask for one, or null.
     *
     * @return the file, or null
     */
    public Path clientCertificate() {
        return clientCertificate;
    }

    /**
     * PEM file of the private key of {@link #clientCertificate()}, or null.
     *
     * @return the file, or null
     */
    public Path clientKey() {
        return clientKey;
    }

    /**
     * Presents a client certificate to HTTPS servers that ask for one (Tornado's {@code client_cert} and
     * {@code client_key}). The files are read when the client is created.
     *
     * @param certificatePem PEM file of the certificate chain, or null for none
     * @param privateKeyPem PEM file of its PKCS#8 private key (unencrypted), or null for none
     * @return this
     * @throws IllegalArgumentException when only one of the two is given
     */
    public HttpClientOptions clientCertificate(Path certificatePem, Path privateKeyPem) {
        if ((certificatePem == null) != (privateKeyPem == null)) {
            throw new IllegalArgumentException("a client certificate needs its private key and the other way around");
        }
        this.clientCertificate = certificatePem;
        this.clientKey = privateKeyPem;
        return this;
    }

    /**
     * The proxy requests go through unless they set their own.
     *
     * @return the proxy, or null for direct connections
     */
    public HttpProxy proxy() {
        return proxy;
    }

    /**
     * Sends requests through an HTTP proxy by default (a request's own {@code proxy} wins).
     *
     * @param proxy the proxy, or null for direct connections
     * @return this
     */
    public HttpClientOptions proxy(HttpProxy proxy) {
        this.proxy = proxy;
        return this;
    }

    /**
     * Number of IOLoops the client starts when it is not given an {@code IOLoopGroup}.
     *
     * @return the count
     */
    public int ioLoopThreads() {
        return ioLoopThreads;
    }

    /**
     * Sets how many IOLoops the client starts for itself when it is not given a group; ignored otherwise.
     *
     * @param threads at least 1
     * @return this
     */
    public HttpClientOptions ioLoopThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("ioLoopThreads must be at least 1: " + threads);
        }
        this.ioLoopThreads = threads;
        return this;
    }

    /**
     * Transport of the IOLoops the client starts for itself.
     *
     * @return the transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Sets the transport of the IOLoops the client starts for itself; ignored when it is given a group.
     *
     * @param transport the transport
     * @return this
     */
    public HttpClientOptions transport(Transport transport) {
        this.transport = transport;
        return this;
    }

    static Duration notNegative(String name, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + timeout);
        }
        return timeout;
    }
}
