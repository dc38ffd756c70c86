package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.ErrorFormat;
import org.tornadojava.web.EtagPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tornado.*} settings of the server, its IOLoops, the executor, the application (errors, ETags,
 * security, static files) and its WebSockets. Defaults equal
 * tornado-core's defaults. Values are checked when the server is wired: an invalid one fails start-up with the
 * key and the value in the message. Bound on the thread refreshing the context; a plain holder, not thread-safe.
 */
@ConfigurationProperties("tornado")
public class TornadoProperties {
    /**
     * Whether to auto-configure the Tornado server.
     */
    private boolean enabled = true;

    /**
     * Whether error pages carry stack traces. Never in production.
     */
    private boolean debug;

    /**
     * Whether to log one line per request on logger 'tornado.access', in Tornado's format.
     */
    private boolean accessLog = true;

    private final Server server = new Server();

    private final IoLoop ioloop = new IoLoop();

    private final Executor executor = new Executor();

    private final Errors errors = new Errors();

    private final Websocket websocket = new Websocket();

    private final Etag etag = new Etag();

    private final Security security = new Security();

    private final Static staticFiles = new Static();

    /**
     * Whether the starter is on.
     *
     * @return true unless {@code tornado.enabled=false}
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Turns the starter on or off.
     *
     * @param enabled the flag
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether error pages carry stack traces.
     *
     * @return the debug flag
     */
    public boolean isDebug() {
        return debug;
    }

    /**
     * Sets whether error pages carry stack traces.
     *
     * @param debug the flag
     */
    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    /**
     * Whether each request is logged on {@code tornado.access}.
     *
     * @return the access-log flag
     */
    public boolean isAccessLog() {
        return accessLog;
    }

    /**
     * Sets whether each request is logged on {@code tornado.access}.
     *
     * @param accessLog the flag
     */
    public void setAccessLog(boolean accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * The {@code tornado.server.*} settings.
     *
     * @return the server settings
     */
    public Server getServer() {
        return server;
    }

    /**
     * The {@code tornado.ioloop.*} settings.
     *
     * @return the IOLoop settings
     */
    public IoLoop getIoloop() {
        return ioloop;
    }

    /**
     * The {@code tornado.executor.*} settings.
     *
     * @return the executor settings
     */
    public Executor getExecutor() {
        return executor;
    }

    /**
     * The {@code tornado.errors.*} settings.
     *
     * @return the error settings
     */
    public Errors getErrors() {
        return errors;
    }

    /**
     * The {@code tornado.websocket.*} settings.
     *
     * @return the WebSocket settings
     */
    public Websocket getWebsocket() {
        return websocket;
    }

    /**
     * The {@code tornado.etag.*} settings.
     *
     * @return the ETag settings
     */
    public Etag getEtag() {
        return etag;
    }

    /**
     * The {@code tornado.security.*} settings.
     *
     * @return the security settings
     */
    public Security getSecurity() {
        return security;
    }

    /**
     * The {@code tornado.static.*} settings.
     *
     * @return the static file settings
     */
    public Static getStatic() {
        return staticFiles;
    }

    /** {@code tornado.server.*}: where the server listens and what it accepts. */
    public static class Server {
        /**
         * Port to listen on; 0 picks a free port, published as 'local.tornado.port'.
         */
        private int port = 8888;

        /**
         * Address to bind, e.g. 127.0.0.1 for local connections only.
         */
        private String address = "0.0.0.0";

        /**
         * Listen backlog: connections the kernel queues before they are accepted.
         */
        private int backlog = 1024;

        /**
         * Whether to close every connection after its first response.
         */
        private boolean noKeepAlive;

        /**
         * Largest request line plus header block; a larger one is answered 431.
         */
        private DataSize maxHeaderSize = DataSize.ofKilobytes(64);

        /**
         * Largest request body; a larger one is answered 413.
         */
        private DataSize maxBodySize = DataSize.ofMegabytes(100);

        /**
         * Largest request body kept in memory; larger bodies spill to a temporary file, deleted after the request.
         */
        private DataSize maxInMemoryBody = DataSize.ofMegabytes(1);

        /**
         * How long a graceful shutdown waits for requests in flight before closing their connections.
         */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /**
         * Whether several processes may listen on the same port (SO_REUSEPORT); needs epoll or io-uring.
         */
        private boolean reusePort;

        /**
         * Whether to honour X-Real-Ip, X-Forwarded-For, X-Scheme and X-Forwarded-Proto from trusted proxies.
         */
        private boolean xheaders;

        /**
         * Networks (CIDRs, IPv4 or IPv6) whose x-headers are believed when xheaders is on.
         */
        private List<String> trustedProxies = new ArrayList<>(List.of("127.0.0.0/8", "::1"));

        /**
         * How long an idle keep-alive connection is kept open.
         */
        private Duration idleConnectionTimeout = Duration.ofSeconds(3600);

        /**
         * How long a whole request head may take to arrive; late: 408, or a close when nothing arrived.
         */
        private Duration headerTimeout = Duration.ofSeconds(30);

        /**
         * How long a whole request body may take to arrive after its head; late: 408.
         */
        private Duration bodyTimeout = Duration.ofSeconds(60);

        /**
         * Whether gzip request bodies are accepted and inflated (max-body-size limits the inflated size).
         */
        private boolean decompressRequest;

        /**
         * Whether responses are gzipped for clients that accept it.
         */
        private boolean compressResponse;

        private final Ssl ssl = new Ssl();

        /**
         * The port.
         *
         * @return 0 to 65535
         */
        public int getPort() {
            return port;
        }

        /**
         * Sets the port.
         *
         * @param port 0 for a free one
         */
        public void setPort(int port) {
            this.port = port;
        }

        /**
         * The bind address.
         *
         * @return an IP address or host name
         */
        public String getAddress() {
            return address;
        }

        /**
         * Sets the bind address.
         *
         * @param address an IP address or host name
         */
        public void setAddress(String address) {
            this.address = address;
        }

        /**
         * The listen backlog.
         *
         * @return a positive number
         */
        public int getBacklog() {
            return backlog;
        }

        /**
         * Sets the listen backlog.
         *
         * @param backlog a positive number
         */
        public void setBacklog(int backlog) {
            this.backlog = backlog;
        }

        /**
         * Whether keep-alive is off.
         *
         * @return true to close after each response
         */
        public boolean isNoKeepAlive() {
            return noKeepAlive;
        }

        /**
         * Turns keep-alive off when true.
         *
         * @param noKeepAlive the flag
         */
        public void setNoKeepAlive(boolean noKeepAlive) {
            this.noKeepAlive = noKeepAlive;
        }

        /**
         * The header size limit.
         *
         * @return the largest request line plus headers
         */
        public DataSize getMaxHeaderSize() {
            return maxHeaderSize;
        }

        /**
         * Sets the header size limit.
         *
         * @param maxHeaderSize a positive size, e.g. {@code 64KB}
         */
        public void setMaxHeaderSize(DataSize maxHeaderSize) {
            this.maxHeaderSize = maxHeaderSize;
        }

        /**
         * The body size limit.
         *
         * @return the largest request body
         */
        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        /**
         * Sets the body size limit.
         *
         * @param maxBodySize a size from 0 to 2 GB, e.g. {@code 100MB}
         */
        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        /**
         * The in-memory body threshold.
         *
         * @return the largest request body kept in memory
         */
        public DataSize getMaxInMemoryBody() {
            return maxInMemoryBody;
        }

        /**
         * Sets the in-memory body threshold.
         *
         * @param maxInMemoryBody a size from 0 to 2 GB, e.g. {@code 1MB}
         */
        public void setMaxInMemoryBody(DataSize maxInMemoryBody) {
            this.maxInMemoryBody = maxInMemoryBody;
        }

        /**
         * The graceful shutdown wait.
         *
         * @return the longest wait for requests in flight
         */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /**
         * Sets the graceful shutdown wait.
         *
         * @param shutdownTimeout e.g. {@code 30s}; 0 cuts requests in flight off at once
         */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        /**
         * Whether SO_REUSEPORT is set.
         *
         * @return the flag
         */
        public boolean isReusePort() {
            return reusePort;
        }

        /**
         * Sets SO_REUSEPORT.
         *
         * @param reusePort true to share the port between processes
         */
        public void setReusePort(boolean reusePort) {
            this.reusePort = reusePort;
        }

        /**
         * Whether x-headers are honoured.
         *
         * @return the flag
         */
        public boolean isXheaders() {
            return xheaders;
        }

        /**
         * Sets whether x-headers are honoured.
         *
         * @param xheaders true behind a reverse proxy
         */
        public void setXheaders(boolean xheaders) {
            this.xheaders = xheaders;
        }

        /**
         * The trusted proxies.
         *
         * @return CIDR blocks
         */
        public List<String> getTrustedProxies() {
            return trustedProxies;
        }

        /**
         * Sets the trusted proxies.
         *
         * @param trustedProxies CIDR blocks, e.g. {@code 10.0.0.0/8}
         */
        public void setTrustedProxies(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        /**
         * The idle keep-alive timeout.
         *
         * @return the timeout
         */
        public Duration getIdleConnectionTimeout() {
            return idleConnectionTimeout;
        }

        /**
         * Sets the idle keep-alive timeout.
         *
         * @param idleConnectionTimeout a positive duration
         */
        public void setIdleConnectionTimeout(Duration idleConnectionTimeout) {
            this.idleConnectionTimeout = idleConnectionTimeout;
        }

        /**
         * The request head timeout.
         *
         * @return the timeout
         */
        public Duration getHeaderTimeout() {
            return headerTimeout;
        }

        /**
         * Sets the request head timeout.
         *
         * @param headerTimeout a positive duration
         */
        public void setHeaderTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
        }

        /**
         * The request body timeout.
         *
         * @return the timeout
         */
        public Duration getBodyTimeout() {
            return bodyTimeout;
        }

        /**
         * Sets the request body timeout.
         *
         * @param bodyTimeout a positive duration
         */
        public void setBodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
        }

        /**
         * Whether gzip request bodies are inflated.
         *
         * @return the flag
         */
        public boolean isDecompressRequest() {
            return decompressRequest;
        }

        /**
         * Sets whether gzip request bodies are inflated.
         *
         * @param decompressRequest the flag
         */
        public void setDecompressRequest(boolean decompressRequest) {
            this.decompressRequest = decompressRequest;
        }

        /**
         * Whether responses are gzipped.
         *
         * @return the flag
         */
        public boolean isCompressResponse() {
            return compressResponse;
        }

        /**
         * Sets whether responses are gzipped.
         *
         * @param compressResponse the flag
         */
        public void setCompressResponse(boolean compressResponse) {
            this.compressResponse = compressResponse;
        }

        /**
         * The {@code tornado.server.ssl.*} settings.
         *
         * @return the TLS settings
         */
        public Ssl getSsl() {
            return ssl;
        }
    }

    /** {@code tornado.server.ssl.*}: HTTPS from PEM files. */
    public static class Ssl {
        /**
         * Whether the server speaks HTTPS; needs certificate and private-key.
         */
        private boolean enabled;

        /**
         * PEM file with the certificate chain.
         */
        private Path certificate;

        /**
         * PEM file with the private key (PKCS#8).
         */
        private Path privateKey;

        /**
         * Whether HTTPS is on.
         *
         * @return the flag
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns HTTPS on or off.
         *
         * @param enabled the flag
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The certificate chain file.
         *
         * @return the PEM file, or null
         */
        public Path getCertificate() {
            return certificate;
        }

        /**
         * Sets the certificate chain file.
         *
         * @param certificate a PEM file
         */
        public void setCertificate(Path certificate) {
            this.certificate = certificate;
        }

        /**
         * The private key file.
         *
         * @return the PEM file, or null
         */
        public Path getPrivateKey() {
            return privateKey;
        }

        /**
         * Sets the private key file.
         *
         * @param privateKey a PEM file (PKCS#8)
         */
        public void setPrivateKey(Path privateKey) {
            this.privateKey = privateKey;
        }
    }

    /** {@code tornado.ioloop.*}: the event-loop threads. */
    public static class IoLoop {
        /**
         * Number of IOLoop threads; 0 means one per available processor.
         */
        private int threads;

        /**
         * I/O mechanism of the IOLoops: auto (epoll when available, else nio), epoll, io-uring or nio.
         */
        private Transport transport = Transport.AUTO;

        /**
         * The number of IOLoops.
         *
         * @return 0 for one per processor
         */
        public int getThreads() {
            return threads;
        }

        /**
         * Sets the number of IOLoops.
         *
         * @param threads 0 for one per processor
         */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /**
         * The transport.
         *
         * @return the I/O mechanism
         */
        public Transport getTransport() {
            return transport;
        }

        /**
         * Sets the transport.
         *
         * @param transport auto, epoll, io-uring or nio
         */
        public void setTransport(Transport transport) {
            this.transport = transport;
        }
    }

    /** {@code tornado.executor.*}: the pool behind {@code runOnExecutor}. */
    public static class Executor {
        /**
         * Threads running blocking tasks submitted with runOnExecutor.
         */
        private int threads = 10;

        /**
         * Tasks that may wait for a thread; when the queue is full, runOnExecutor fails with 503.
         */
        private int queueCapacity = 1000;

        /**
         * The number of threads.
         *
         * @return at least 1
         */
        public int getThreads() {
            return threads;
        }

        /**
         * Sets the number of threads.
         *
         * @param threads at least 1
         */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /**
         * The queue capacity.
         *
         * @return at least 1
         */
        public int getQueueCapacity() {
            return queueCapacity;
        }

        /**
         * Sets the queue capacity.
         *
         * @param queueCapacity at least 1
         */
        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }
    }

    /** {@code tornado.errors.*}: default error responses. */
    public static class Errors {
        /**
         * Body format of default error responses: html (Tornado's page) or json.
         */
        private ErrorFormat format = ErrorFormat.HTML;

        /**
         * The error body format.
         *
         * @return html or json
         */
        public ErrorFormat getFormat() {
            return format;
        }

        /**
         * Sets the error body format.
         *
         * @param format html or json
         */
        public void setFormat(ErrorFormat format) {
            this.format = format;
        }
    }

    /** {@code tornado.websocket.*}: WebSocket handlers. */
    public static class Websocket {
        /**
         * Largest WebSocket message (fragments count as a whole); larger: close 1009.
         */
        private DataSize maxMessageSize = DataSize.ofMegabytes(10);

        /**
         * How often WebSockets are pinged; a peer that does not answer within it is closed. 0s: no pings.
         */
        private Duration pingInterval = Duration.ZERO;

        /**
         * Whether WebSockets may negotiate permessage-deflate.
         */
        private boolean compression;

        /**
         * The message size limit.
         *
         * @return the largest message
         */
        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        /**
         * Sets the message size limit.
         *
         * @param maxMessageSize a positive size, e.g. {@code 10MB}
         */
        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        /**
         * The ping interval.
         *
         * @return zero when pings are off
         */
        public Duration getPingInterval() {
            return pingInterval;
        }

        /**
         * Sets the ping interval.
         *
         * @param pingInterval e.g. {@code 30s}; {@code 0s} turns pings off
         */
        public void setPingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        /**
         * Whether permessage-deflate may be negotiated.
         *
         * @return the flag
         */
        public boolean isCompression() {
            return compression;
        }

        /**
         * Sets whether permessage-deflate may be negotiated.
         *
         * @param compression the flag
         */
        public void setCompression(boolean compression) {
            this.compression = compression;
        }
    }

    /** {@code tornado.etag.*}: conditional responses. */
    public static class Etag {
        /**
         * How finished GET/HEAD 200 responses are tagged: content-hash (Tornado's), weak or disabled.
         */
        private EtagPolicy policy = EtagPolicy.CONTENT_HASH;

        /**
         * The ETag policy.
         *
         * @return the policy
         */
        public EtagPolicy getPolicy() {
            return policy;
        }

        /**
         * Sets the ETag policy.
         *
         * @param policy content-hash, weak or disabled
         */
        public void setPolicy(EtagPolicy policy) {
            this.policy = policy;
        }
    }

    /** {@code tornado.security.*}: who may reach the application, cookies and XSRF. */
    public static class Security {
        /**
         * Networks (CIDRs, IPv4 and IPv6) allowed to reach any handler; others get 403. Empty: everybody.
         */
        private List<String> ipWhitelist = new ArrayList<>();

        /**
         * Secret that signs cookies (Tornado's cookie_secret); required to use signed cookies.
         */
        private String cookieSecret;

        /**
         * Oldest signed cookie accepted.
         */
        private Duration signedCookieMaxAge = Duration.ofDays(31);

        /**
         * Whether POST, PUT, PATCH and DELETE must carry the _xsrf token (else 403).
         */
        private boolean xsrfCookies;

        /**
         * Where @Authenticated handlers send anonymous users.
         */
        private String loginUrl = "/login";

        /**
         * The application-wide whitelist.
         *
         * @return CIDR blocks, empty for everybody
         */
        public List<String> getIpWhitelist() {
            return ipWhitelist;
        }

        /**
         * Sets the application-wide whitelist.
         *
         * @param ipWhitelist CIDR blocks
         */
        public void setIpWhitelist(List<String> ipWhitelist) {
            this.ipWhitelist = ipWhitelist;
        }

        /**
         * The cookie secret.
         *
         * @return the secret, or null
         */
        public String getCookieSecret() {
            return cookieSecret;
        }

        /**
         * Sets the cookie secret.
         *
         * @param cookieSecret a long random string, kept out of source control
         */
        public void setCookieSecret(String cookieSecret) {
            this.cookieSecret = cookieSecret;
        }

        /**
         * The signed cookie age limit.
         *
         * @return the oldest age accepted
         */
        public Duration getSignedCookieMaxAge() {
            return signedCookieMaxAge;
        }

        /**
         * Sets the signed cookie age limit.
         *
         * @param signedCookieMaxAge e.g. {@code 31d}
         */
        public void setSignedCookieMaxAge(Duration signedCookieMaxAge) {
            this.signedCookieMaxAge = signedCookieMaxAge;
        }

        /**
         * Whether XSRF tokens are checked.
         *
         * @return the flag
         */
        public boolean isXsrfCookies() {
            return xsrfCookies;
        }

        /**
         * Sets whether XSRF tokens are checked.
         *
         * @param xsrfCookies the flag
         */
        public void setXsrfCookies(boolean xsrfCookies) {
            this.xsrfCookies = xsrfCookies;
        }

        /**
         * The login URL.
         *
         * @return a path or absolute URL
         */
        public String getLoginUrl() {
            return loginUrl;
        }

        /**
         * Sets the login URL.
         *
         * @param loginUrl a path or absolute URL
         */
        public void setLoginUrl(String loginUrl) {
            this.loginUrl = loginUrl;
        }
    }

    /** {@code tornado.static.*}: files served by Tornado's StaticFileHandler. */
    public static class Static {
        /**
         * Folder whose files are served under url-prefix (plus /favicon.ico and /robots.txt). Unset: none.
         */
        private Path path;

        /**
         * URL prefix of the static files; starts and ends with '/'.
         */
        private String urlPrefix = "/static/";

        /**
         * The static folder.
         *
         * @return the folder, or null
         */
        public Path getPath() {
            return path;
        }

        /**
         * Sets the static folder.
         *
         * @param path an existing folder
         */
        public void setPath(Path path) {
            this.path = path;
        }

        /**
         * The URL prefix.
         *
         * @return e.g. {@code /static/}
         */
        public String getUrlPrefix() {
            return urlPrefix;
        }

        /**
         * Sets the URL prefix.
         *
         * @param urlPrefix starting and ending with {@code /}
         */
        public void setUrlPrefix(String urlPrefix) {
            this.urlPrefix = urlPrefix;
        }
    }
}
