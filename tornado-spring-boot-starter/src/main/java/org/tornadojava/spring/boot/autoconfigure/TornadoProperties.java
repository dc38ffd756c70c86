package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;
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
     * Whether error pages carry stack traces, never to be used in production.
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

    private final Template template = new Template();

    private final LocaleSettings locale = new LocaleSettings();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isDebug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public boolean isAccessLog() {
        return accessLog;
    }

    public void setAccessLog(boolean accessLog) {
        this.accessLog = accessLog;
    }

    public Server getServer() {
        return server;
    }

    public IoLoop getIoloop() {
        return ioloop;
    }

    public Executor getExecutor() {
        return executor;
    }

    public Errors getErrors() {
        return errors;
    }

    public Websocket getWebsocket() {
        return websocket;
    }

    public Etag getEtag() {
        return etag;
    }

    public Security getSecurity() {
        return security;
    }

    public Static getStatic() {
        return staticFiles;
    }

    public Template getTemplate() {
        return template;
    }

    public LocaleSettings getLocale() {
        return locale;
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
         * How long a response may make no progress towards a client that stopped reading before the connection
         * is closed.
         */
        private Duration writeTimeout = Duration.ofSeconds(60);

        /**
         * Whether gzip request bodies are accepted and inflated (max-body-size limits the inflated size).
         */
        private boolean decompressRequest;

        /**
         * Whether responses are gzipped for clients that accept it.
         */
        private boolean compressResponse;

        /** Server header of every response; empty sends none. */
        private String serverHeader = Application.DEFAULT_SERVER_HEADER;

        /** Whether to start even when a servlet or reactive web server runs in the same context. */
        private boolean allowSecondServer;

        private final Ssl ssl = new Ssl();

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public int getBacklog() {
            return backlog;
        }

        public void setBacklog(int backlog) {
            this.backlog = backlog;
        }

        public boolean isNoKeepAlive() {
            return noKeepAlive;
        }

        public void setNoKeepAlive(boolean noKeepAlive) {
            this.noKeepAlive = noKeepAlive;
        }

        public DataSize getMaxHeaderSize() {
            return maxHeaderSize;
        }

        public void setMaxHeaderSize(DataSize maxHeaderSize) {
            this.maxHeaderSize = maxHeaderSize;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public DataSize getMaxInMemoryBody() {
            return maxInMemoryBody;
        }

        public void setMaxInMemoryBody(DataSize maxInMemoryBody) {
            this.maxInMemoryBody = maxInMemoryBody;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public boolean isReusePort() {
            return reusePort;
        }

        public void setReusePort(boolean reusePort) {
            this.reusePort = reusePort;
        }

        public boolean isXheaders() {
            return xheaders;
        }

        public void setXheaders(boolean xheaders) {
            this.xheaders = xheaders;
        }

        public List<String> getTrustedProxies() {
            return trustedProxies;
        }

        public void setTrustedProxies(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        public Duration getIdleConnectionTimeout() {
            return idleConnectionTimeout;
        }

        public void setIdleConnectionTimeout(Duration idleConnectionTimeout) {
            this.idleConnectionTimeout = idleConnectionTimeout;
        }

        public Duration getHeaderTimeout() {
            return headerTimeout;
        }

        public void setHeaderTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
        }

        public Duration getBodyTimeout() {
            return bodyTimeout;
        }

        public void setBodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
        }

        public Duration getWriteTimeout() {
            return writeTimeout;
        }

        public void setWriteTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
        }

        public boolean isDecompressRequest() {
            return decompressRequest;
        }

        public void setDecompressRequest(boolean decompressRequest) {
            this.decompressRequest = decompressRequest;
        }

        public boolean isCompressResponse() {
            return compressResponse;
        }

        public void setCompressResponse(boolean compressResponse) {
            this.compressResponse = compressResponse;
        }

        public Ssl getSsl() {
            return ssl;
        }

        public String getServerHeader() {
            return serverHeader;
        }

        public void setServerHeader(String serverHeader) {
            this.serverHeader = serverHeader;
        }

        public boolean isAllowSecondServer() {
            return allowSecondServer;
        }

        public void setAllowSecondServer(boolean allowSecondServer) {
            this.allowSecondServer = allowSecondServer;
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

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getCertificate() {
            return certificate;
        }

        public void setCertificate(Path certificate) {
            this.certificate = certificate;
        }

        public Path getPrivateKey() {
            return privateKey;
        }

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

        /** How long a loop may be stuck in one task before a WARN shows its stack; 0 turns the watchdog off. */
        private Duration blockedThreshold = Duration.ofSeconds(2);

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public Transport getTransport() {
            return transport;
        }

        public void setTransport(Transport transport) {
            this.transport = transport;
        }

        public Duration getBlockedThreshold() {
            return blockedThreshold;
        }

        public void setBlockedThreshold(Duration blockedThreshold) {
            this.blockedThreshold = blockedThreshold;
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

        /** Whether runOnExecutor runs on virtual threads (JDK 21+); unset follows spring.threads.virtual.enabled. */
        private Boolean virtualThreads;

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public Boolean getVirtualThreads() {
            return virtualThreads;
        }

        public void setVirtualThreads(Boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
        }
    }

    /** {@code tornado.errors.*}: default error responses. */
    public static class Errors {
        /**
         * Body format of default error responses: html (Tornado's page) or json.
         */
        private ErrorFormat format = ErrorFormat.HTML;

        public ErrorFormat getFormat() {
            return format;
        }

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
         * How often WebSockets are pinged (0s: never), closing a peer that does not answer within it.
         */
        private Duration pingInterval = Duration.ZERO;

        /**
         * Whether WebSockets may negotiate permessage-deflate.
         */
        private boolean compression;

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public Duration getPingInterval() {
            return pingInterval;
        }

        public void setPingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        public boolean isCompression() {
            return compression;
        }

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

        public EtagPolicy getPolicy() {
            return policy;
        }

        public void setPolicy(EtagPolicy policy) {
            this.policy = policy;
        }
    }

    /** {@code tornado.security.*}: who may reach the application, cookies and XSRF. */
    public static class Security {
        /**
         * Networks (CIDRs, IPv4 and IPv6) allowed to reach any handler, others getting 403 (empty: everybody).
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

        public List<String> getIpWhitelist() {
            return ipWhitelist;
        }

        public void setIpWhitelist(List<String> ipWhitelist) {
            this.ipWhitelist = ipWhitelist;
        }

        public String getCookieSecret() {
            return cookieSecret;
        }

        public void setCookieSecret(String cookieSecret) {
            this.cookieSecret = cookieSecret;
        }

        public Duration getSignedCookieMaxAge() {
            return signedCookieMaxAge;
        }

        public void setSignedCookieMaxAge(Duration signedCookieMaxAge) {
            this.signedCookieMaxAge = signedCookieMaxAge;
        }

        public boolean isXsrfCookies() {
            return xsrfCookies;
        }

        public void setXsrfCookies(boolean xsrfCookies) {
            this.xsrfCookies = xsrfCookies;
        }

        public String getLoginUrl() {
            return loginUrl;
        }

        public void setLoginUrl(String loginUrl) {
            this.loginUrl = loginUrl;
        }
    }

    /** {@code tornado.static.*}: files served by Tornado's StaticFileHandler. */
    public static class Static {
        /**
         * Folder whose files are served under url-prefix, plus /favicon.ico and /robots.txt (unset: none).
         */
        private Path path;

        /**
         * URL prefix of the static files; starts and ends with '/'.
         */
        private String urlPrefix = "/static/";

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public String getUrlPrefix() {
            return urlPrefix;
        }

        public void setUrlPrefix(String urlPrefix) {
            this.urlPrefix = urlPrefix;
        }
    }

    /** {@code tornado.template.*}: where render() finds templates and how it treats them. */
    public static class Template {
        /**
         * Where render() finds templates: 'classpath:/templates/' or a file-system folder.
         */
        private String path = "classpath:/templates/";

        /**
         * Whether compiled templates are kept; unset: true, false when tornado.debug (edits show at once).
         */
        private Boolean cache;

        /**
         * Whether the output of {{ }} is HTML-escaped.
         */
        private boolean autoescape = true;

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public Boolean getCache() {
            return cache;
        }

        public void setCache(Boolean cache) {
            this.cache = cache;
        }

        public boolean isAutoescape() {
            return autoescape;
        }

        public void setAutoescape(boolean autoescape) {
            this.autoescape = autoescape;
        }
    }

    /** {@code tornado.locale.*}: the default locale and Tornado-format translations. */
    public static class LocaleSettings {
        /**
         * Locale of users whose browser asks for no supported language, e.g. 'en_US' or 'fr'.
         */
        private String defaultLocale = "en_US";

        /**
         * Folder of Tornado-format CSV translation files, one per locale (es_LA.csv); unset: none.
         */
        private Path translations;

        public String getDefault() {
            return defaultLocale;
        }

        public void setDefault(String defaultLocale) {
            this.defaultLocale = defaultLocale;
        }

        public Path getTranslations() {
            return translations;
        }

        public void setTranslations(Path translations) {
            this.translations = translations;
        }
    }
}
