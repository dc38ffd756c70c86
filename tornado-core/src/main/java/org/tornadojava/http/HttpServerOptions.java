package org.tornadojava.http;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of an {@link HttpServer}: where it listens and what it accepts. Defaults match
 * {@code tornado.server.*} in the project contract (and Tornado's where Tornado has one).
 *
 * <p>A plain mutable holder with fluent setters; configure it before {@link HttpServer#start()} and do not
 * change it afterwards. Not thread-safe.
 */
public final class HttpServerOptions {
    /** Default port, {@value}. */
    public static final int DEFAULT_PORT = 8888;
    /** Default listen backlog, {@value}. */
    public static final int DEFAULT_BACKLOG = 1024;
    /** Default largest request line plus header block, {@value} bytes (Tornado's 64 KiB). */
    public static final int DEFAULT_MAX_HEADER_SIZE = 64 * 1024;
    /** Default largest request body, {@value} bytes (Tornado's 100 MB). */
    public static final long DEFAULT_MAX_BODY_SIZE = 100L * 1024 * 1024;
    /** Default largest request body kept in memory, {@value} bytes (1 MB); larger bodies spill to a file. */
    public static final long DEFAULT_MAX_IN_MEMORY_BODY = 1024 * 1024;

    private String address = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private int backlog = DEFAULT_BACKLOG;
    private boolean noKeepAlive;
    private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private long maxInMemoryBody = DEFAULT_MAX_IN_MEMORY_BODY;
    private Path bodyTempDirectory;
    private Duration idleConnectionTimeout = Duration.ofSeconds(3600);
    private Duration headerTimeout = Duration.ofSeconds(30);
    private Duration bodyTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private boolean xheaders;
    private boolean decompressRequest;
    private boolean reusePort;
    private Path sslCertificate;
    private Path sslPrivateKey;
    private boolean compressResponse;
    private CidrSet trustedProxies = CidrSet.parse("127.0.0.0/8, ::1");
    private final Http2Options http2 = new Http2Options();

    /**
     * Bind address.
     *
     * @return the address, {@code 0.0.0.0} by default
     */
    public String address() {
        return address;
    }

    /**
     * Sets the bind address, e.g. {@code 127.0.0.1} or {@code ::1}.
     *
     * @param address an IP address or host name
     * @return this
     */
    public HttpServerOptions address(String address) {
        this.address = address;
        return this;
    }

    /**
     * Port to listen on.
     *
     * @return the port; 0 means a free port chosen at start
     */
    public int port() {
        return port;
    }

    /**
     * Sets the port; 0 picks a free one, readable from {@link HttpServer#port()} after start.
     *
     * @param port 0 to 65535
     * @return this
     */
    public HttpServerOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Listen backlog.
     *
     * @return pending connections the kernel queues before accepting
     */
    public int backlog() {
        return backlog;
    }

    /**
     * Sets the listen backlog.
     *
     * @param backlog a positive number
     * @return this
     */
    public HttpServerOptions backlog(int backlog) {
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        this.backlog = backlog;
        return this;
    }

    /**
     * Whether every connection is closed after one response.
     *
     * @return true to disable keep-alive
     */
    public boolean noKeepAlive() {
        return noKeepAlive;
    }

    /**
     * Closes every connection after its first response when true.
     *
     * @param noKeepAlive true to disable keep-alive
     * @return this
     */
    public HttpServerOptions noKeepAlive(boolean noKeepAlive) {
        this.noKeepAlive = noKeepAlive;
        return this;
    }

    /**
     * Largest request line plus header block, in bytes.
     *
     * @return the limit
     */
    public int maxHeaderSize() {
        return maxHeaderSize;
    }

    /**
     * Sets the largest accepted header block; a larger one is answered 431.
     *
     * @param maxHeaderSize bytes, positive
     * @return this
     */
    public HttpServerOptions maxHeaderSize(int maxHeaderSize) {
        if (maxHeaderSize <= 0) {
            throw new IllegalArgumentException("maxHeaderSize must be positive: " + maxHeaderSize);
        }
        this.maxHeaderSize = maxHeaderSize;
        return this;
    }

    /**
     * Largest request body, in bytes.
     *
     * @return the limit
     */
    public long maxBodySize() {
        return maxBodySize;
    }

    /**
     * Sets the largest accepted request body; a larger one is answered 413.
     *
     * @param maxBodySize bytes, from 0 to {@link Integer#MAX_VALUE}
     * @return this
     */
    public HttpServerOptions maxBodySize(long maxBodySize) {
        if (maxBodySize < 0 || maxBodySize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodySize must be between 0 and " + Integer.MAX_VALUE + ": "
                    + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
        return this;
    }

    /**
     * Largest aggregated request body kept in memory, in bytes; a larger one is written to a temporary file
     * (see {@link HttpServerRequest#bodyPath()}), or for {@code multipart/form-data} decoded while it arrives with
     * each file part in a temporary file of its own; the files are deleted when the request ends.
     *
     * @return the threshold
     */
    public long maxInMemoryBody() {
        return maxInMemoryBody;
    }

    /**
     * Sets the largest aggregated request body kept in memory; the rest of a larger body goes to a temporary file
     * as it arrives, so memory per request stays bounded whatever {@link #maxBodySize()} allows.
     *
     * @param maxInMemoryBody bytes, from 0 to {@link Integer#MAX_VALUE}
     * @return this
     */
    public HttpServerOptions maxInMemoryBody(long maxInMemoryBody) {
        if (maxInMemoryBody < 0 || maxInMemoryBody > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxInMemoryBody must be between 0 and " + Integer.MAX_VALUE + ": "
                    + maxInMemoryBody);
        }
        this.maxInMemoryBody = maxInMemoryBody;
        return this;
    }

    /**
     * Folder of the temporary files of spilled request bodies and of uploaded files of large multipart bodies.
     *
     * @return the folder, or null for the system's temporary folder ({@code java.io.tmpdir})
     */
    public Path bodyTempDirectory() {
        return bodyTempDirectory;
    }

    /**
     * Sets the folder of spilled request bodies, e.g. a disk with room for {@link #maxBodySize()} times the
     * concurrent uploads. It must exist.
     *
     * @param bodyTempDirectory the folder, or null for {@code java.io.tmpdir}
     * @return this
     */
    public HttpServerOptions bodyTempDirectory(Path bodyTempDirectory) {
        this.bodyTempDirectory = bodyTempDirectory;
        return this;
    }

    /**
     * How long a keep-alive connection may wait for its next request.
     *
     * @return the idle timeout
     */
    public Duration idleConnectionTimeout() {
        return idleConnectionTimeout;
    }

    /**
     * Sets how long a keep-alive connection may wait for its next request before it is closed (Tornado: 3600 s).
     *
     * @param timeout a positive duration
     * @return this
     */
    public HttpServerOptions idleConnectionTimeout(Duration timeout) {
        this.idleConnectionTimeout = positive("idleConnectionTimeout", timeout);
        return this;
    }

    /**
     * How long a request head may take to arrive, from its first byte (and on a new connection, from accept).
     *
     * @return the header timeout
     */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /**
     * Sets how long a request head may take: a client that sent part of it gets 408, a new connection that sent
     * nothing is closed.
     *
     * @param timeout a positive duration
     * @return this
     */
    public HttpServerOptions headerTimeout(Duration timeout) {
        this.headerTimeout = positive("headerTimeout", timeout);
        return this;
    }

    /**
     * How long a request body may take to arrive after its head.
     *
     * @return the body timeout
     */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /**
     * Sets how long a request body may take after its head; a late body gets 408 and a close.
     *
     * @param timeout a positive duration
     * @return this
     */
    public HttpServerOptions bodyTimeout(Duration timeout) {
        this.bodyTimeout = positive("bodyTimeout", timeout);
        return this;
    }

    /**
     * How long a response may sit in the connection's outbound buffer without any of it reaching the socket.
     *
     * @return the write timeout, 60 s by default
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Sets how long a response (or WebSocket message) may make no progress towards a client that stopped reading;
     * then the connection is closed and the handler sees {@code onConnectionClose}.
     *
     * @param timeout a positive duration
     * @return this
     */
    public HttpServerOptions writeTimeout(Duration timeout) {
        this.writeTimeout = positive("writeTimeout", timeout);
        return this;
    }

    private static Duration positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * Whether {@code X-Real-Ip}, {@code X-Forwarded-For}, {@code X-Scheme} and {@code X-Forwarded-Proto} are
     * honoured (from trusted proxies only).
     *
     * @return the x-headers flag
     */
    public boolean xheaders() {
        return xheaders;
    }

    /**
     * Honours the x-headers of requests whose TCP peer is in {@link #trustedProxies()} when true.
     *
     * @param xheaders true behind a reverse proxy
     * @return this
     */
    public HttpServerOptions xheaders(boolean xheaders) {
        this.xheaders = xheaders;
        return this;
    }

    /**
     * The proxies whose x-headers are believed.
     *
     * @return the networks, {@code 127.0.0.0/8, ::1} by default
     */
    public CidrSet trustedProxies() {
        return trustedProxies;
    }

    /**
     * Sets the proxies whose x-headers are believed; also skipped when walking {@code X-Forwarded-For}.
     *
     * @param trustedProxies the networks
     * @return this
     */
    public HttpServerOptions trustedProxies(CidrSet trustedProxies) {
        this.trustedProxies = trustedProxies;
        return this;
    }

    /**
     * Whether gzip request bodies are inflated before the handler sees them.
     *
     * @return the flag
     */
    public boolean decompressRequest() {
        return decompressRequest;
    }

    /**
     * Inflates {@code Content-Encoding: gzip} request bodies when true; {@link #maxBodySize()} then limits the
     * inflated size.
     *
     * @param decompressRequest true to accept gzip bodies
     * @return this
     */
    public HttpServerOptions decompressRequest(boolean decompressRequest) {
        this.decompressRequest = decompressRequest;
        return this;
    }

    /**
     * Whether responses are gzipped for clients that accept it.
     *
     * @return the flag
     */
    public boolean compressResponse() {
        return compressResponse;
    }

    /**
     * Gzips responses with Tornado's rules when true (level 6, text-like types, at least 1024 bytes, always
     * {@code Vary: Accept-Encoding}).
     *
     * @param compressResponse true to compress
     * @return this
     */
    public HttpServerOptions compressResponse(boolean compressResponse) {
        this.compressResponse = compressResponse;
        return this;
    }

    /**
     * Whether several processes may listen on the same port (SO_REUSEPORT).
     *
     * @return the flag
     */
    public boolean reusePort() {
        return reusePort;
    }

    /**
     * Lets several processes bind the same port, the kernel spreading connections over them, like Tornado's
     * {@code reuse_port}. Needs the epoll or io_uring transport.
     *
     * @param reusePort true to set SO_REUSEPORT
     * @return this
     */
    public HttpServerOptions reusePort(boolean reusePort) {
        this.reusePort = reusePort;
        return this;
    }

    /**
     * Serves HTTPS with a certificate chain and private key in PEM files.
     *
     * @param certificatePem the certificate chain
     * @param privateKeyPem the private key (PKCS#8)
     * @return this
     */
    public HttpServerOptions ssl(Path certificatePem, Path privateKeyPem) {
        this.sslCertificate = certificatePem;
        this.sslPrivateKey = privateKeyPem;
        return this;
    }

    /**
     * Whether the server speaks TLS.
     *
     * @return true when {@link #ssl(Path, Path)} was given files
     */
    public boolean sslEnabled() {
        return sslCertificate != null && sslPrivateKey != null;
    }

    /**
     * The PEM certificate chain.
     *
     * @return the path, or null without TLS
     */
    public Path sslCertificate() {
        return sslCertificate;
    }

    /**
     * The PEM private key.
     *
     * @return the path, or null without TLS
     */
    public Path sslPrivateKey() {
        return sslPrivateKey;
    }

    /**
     * The HTTP/2 settings ({@code tornado.server.http2.*}), changed in place:
     * {@code options.http2().maxConcurrentStreams(50)}.
     *
     * @return this server's HTTP/2 settings
     */
    public Http2Options http2() {
        return http2;
    }

    /**
     * The largest decoded header list an HTTP/2 request may have: {@link Http2Options#maxHeaderListSize()}, or
     * {@link #maxHeaderSize()} when that is 0.
     *
     * @return bytes
     */
    int http2MaxHeaderListSize() {
        return http2.maxHeaderListSize() > 0 ? http2.maxHeaderListSize() : maxHeaderSize;
    }
}
