package org.tornadojava.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.CidrSet;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.BlockedLoopListener;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.locale.CsvTranslations;
import org.tornadojava.locale.Locales;
import org.tornadojava.locale.Translations;
import org.tornadojava.template.PebbleTemplateEngine;
import org.tornadojava.template.TemplateEngine;
import org.tornadojava.web.Application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Turns {@link TornadoProperties} into tornado-core objects: the {@link HttpServerOptions}, the settings of the
 * {@link Application.Builder}, the {@link IOLoopGroup} and the {@link BlockingExecutor}. The one place that knows
 * which key feeds which core setting: binding a new key is a field in {@link TornadoProperties} plus one line
 * here. tornado-core checks the values; a value it refuses fails start-up with an
 * {@link InvalidConfigurationPropertyValueException} naming the key and the value (Boot's failure analysis prints
 * both). Used on the thread refreshing the context; not thread-safe.
 */
public final class TornadoPropertiesMapper {
    private static final Log LOG = LogFactory.getLog(TornadoPropertiesMapper.class);

    private final TornadoProperties properties;

    /**
     * Creates a mapper over bound properties.
     *
     * @param properties the {@code tornado.*} properties
     */
    public TornadoPropertiesMapper(TornadoProperties properties) {
        this.properties = properties;
    }

    /**
     * Server options from {@code tornado.server.*}.
     *
     * @return new options
     * @throws InvalidConfigurationPropertyValueException for a value tornado-core refuses
     */
    public HttpServerOptions serverOptions() {
        TornadoProperties.Server server = properties.getServer();
        HttpServerOptions options = new HttpServerOptions();
        apply("tornado.server.port", server.getPort(), options::port);
        apply("tornado.server.address", server.getAddress(), options::address);
        apply("tornado.server.backlog", server.getBacklog(), options::backlog);
        apply("tornado.server.no-keep-alive", server.isNoKeepAlive(), options::noKeepAlive);
        apply("tornado.server.max-header-size", server.getMaxHeaderSize(),
                size -> options.maxHeaderSize(Math.toIntExact(size.toBytes())));
        apply("tornado.server.max-body-size", server.getMaxBodySize(), size -> options.maxBodySize(size.toBytes()));
        apply("tornado.server.max-in-memory-body", server.getMaxInMemoryBody(),
                size -> options.maxInMemoryBody(size.toBytes()));
        apply("tornado.server.shutdown-timeout", server.getShutdownTimeout(), timeout -> {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
        });
        apply("tornado.server.reuse-port", server.isReusePort(), options::reusePort);
        apply("tornado.server.xheaders", server.isXheaders(), options::xheaders);
        apply("tornado.server.trusted-proxies", server.getTrustedProxies(),
                cidrs -> options.trustedProxies(CidrSet.parse(cidrs)));
        apply("tornado.server.idle-connection-timeout", server.getIdleConnectionTimeout(),
                options::idleConnectionTimeout);
        apply("tornado.server.header-timeout", server.getHeaderTimeout(), options::headerTimeout);
        apply("tornado.server.body-timeout", server.getBodyTimeout(), options::bodyTimeout);
        apply("tornado.server.write-timeout", server.getWriteTimeout(), options::writeTimeout);
        apply("tornado.server.decompress-request", server.isDecompressRequest(), options::decompressRequest);
        apply("tornado.server.compress-response", server.isCompressResponse(), options::compressResponse);
        TornadoProperties.Ssl ssl = server.getSsl();
        if (ssl.isEnabled()) {
            apply("tornado.server.ssl.certificate", ssl.getCertificate(), TornadoPropertiesMapper::readableFile);
            apply("tornado.server.ssl.private-key", ssl.getPrivateKey(), TornadoPropertiesMapper::readableFile);
            options.ssl(ssl.getCertificate(), ssl.getPrivateKey());
        }
        return options;
    }

    /**
     * Applies {@code tornado.debug}, {@code tornado.access-log}, {@code tornado.errors.*},
     * {@code tornado.websocket.*}, {@code tornado.etag.*}, {@code tornado.security.*} and {@code tornado.static.*}
     * to a builder.
     *
     * @param builder the application builder
     */
    public void configure(Application.Builder builder) {
        apply("tornado.debug", properties.isDebug(), builder::debug);
        apply("tornado.access-log", properties.isAccessLog(), builder::accessLog);
        apply("tornado.server.server-header", properties.getServer().getServerHeader(), builder::serverHeader);
        apply("tornado.errors.format", properties.getErrors().getFormat(), builder::errorFormat);
        TornadoProperties.Websocket websocket = properties.getWebsocket();
        apply("tornado.websocket.max-message-size", websocket.getMaxMessageSize(),
                size -> builder.websocketMaxMessageSize(Math.toIntExact(size.toBytes())));
        apply("tornado.websocket.ping-interval", websocket.getPingInterval(), builder::websocketPingInterval);
        apply("tornado.websocket.compression", websocket.isCompression(), builder::websocketCompression);
        apply("tornado.etag.policy", properties.getEtag().getPolicy(), builder::etagPolicy);
        TornadoProperties.Security security = properties.getSecurity();
        apply("tornado.security.ip-whitelist", security.getIpWhitelist(),
                cidrs -> builder.ipWhitelist(CidrSet.parse(cidrs)));
        if (security.getCookieSecret() != null) {
            apply("tornado.security.cookie-secret", security.getCookieSecret(), builder::cookieSecret);
        }
        apply("tornado.security.signed-cookie-max-age", security.getSignedCookieMaxAge(),
                builder::signedCookieMaxAge);
        apply("tornado.security.xsrf-cookies", security.isXsrfCookies(), builder::xsrfCookies);
        apply("tornado.security.login-url", security.getLoginUrl(), builder::loginUrl);
        TornadoProperties.Static staticFiles = properties.getStatic();
        if (staticFiles.getPath() != null) {
            apply("tornado.static.path", staticFiles.getPath(), (path) -> {
                if (!Files.isDirectory(path)) {
                    throw new IllegalArgumentException("not a folder");
                }
                builder.staticPath(path);
            });
        }
        apply("tornado.static.url-prefix", staticFiles.getUrlPrefix(), builder::staticUrlPrefix);
    }

    /**
     * Starts the IOLoops of {@code tornado.ioloop.*}, with the blocked-loop watchdog of
     * {@code tornado.ioloop.blocked-threshold}.
     *
     * @param onBlocked told of each blocked episode (e.g. a counter), on the watchdog thread
     * @return the running group; the caller shuts it down
     * @throws InvalidConfigurationPropertyValueException for a negative thread count or threshold, or a native
     *         transport that cannot load on this machine
     */
    public IOLoopGroup ioLoopGroup(BlockedLoopListener onBlocked) {
        TornadoProperties.IoLoop ioloop = properties.getIoloop();
        Transport transport = ioloop.getTransport();
        apply("tornado.ioloop.transport", transport, Transport::resolve);
        apply("tornado.ioloop.blocked-threshold", ioloop.getBlockedThreshold(), threshold -> {
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("must be 0 (off) or more");
            }
        });
        return create("tornado.ioloop.threads", ioloop.getThreads(), 0,
                threads -> new IOLoopGroup(threads, transport, ioloop.getBlockedThreshold(), onBlocked));
    }

    /**
     * Creates the pool of {@code tornado.executor.*}: virtual threads when {@code tornado.executor.virtual-threads}
     * (or, when that is unset, {@code spring.threads.virtual.enabled}) asks for them and the JDK has them, at most
     * {@code queue-capacity} tasks at once; otherwise {@code threads} platform threads with a queue of
     * {@code queue-capacity}. Asked for on a JDK without virtual threads, one WARN says it falls back.
     *
     * @param springVirtualThreads the value of {@code spring.threads.virtual.enabled}
     * @return the executor; the caller shuts it down
     * @throws InvalidConfigurationPropertyValueException for fewer than 1 thread or a queue below 1
     */
    public BlockingExecutor blockingExecutor(boolean springVirtualThreads) {
        TornadoProperties.Executor executor = properties.getExecutor();
        int queueCapacity = create("tornado.executor.queue-capacity", executor.getQueueCapacity(), 1, value -> value);
        String virtualKey = executor.getVirtualThreads() != null ? "tornado.executor.virtual-threads"
                : "spring.threads.virtual.enabled";
        boolean virtual = executor.getVirtualThreads() != null ? executor.getVirtualThreads() : springVirtualThreads;
        if (virtual && BlockingExecutor.virtualThreadsAvailable()) {
            return BlockingExecutor.ofVirtualThreads(queueCapacity);
        }
        if (virtual) {
            LOG.warn(virtualKey + "=true but Java " + Runtime.version().feature() + " has no virtual threads: "
                    + "runOnExecutor uses " + executor.getThreads() + " platform threads (tornado.executor.threads)");
        }
        return create("tornado.executor.threads", executor.getThreads(), 1,
                threads -> new BlockingExecutor(threads, queueCapacity));
    }

    /**
     * The default template engine from {@code tornado.template.*}: Pebble over the path, caching unless
     * {@code tornado.debug} (or as {@code tornado.template.cache} says), autoescaping as configured.
     *
     * @return the engine
     * @throws InvalidConfigurationPropertyValueException when the path is neither {@code classpath:} nor a folder
     */
    public TemplateEngine templateEngine() {
        TornadoProperties.Template template = properties.getTemplate();
        PebbleTemplateEngine.Builder builder = PebbleTemplateEngine.builder();
        apply("tornado.template.path", template.getPath(), (path) -> {
            if (!path.startsWith("classpath:") && !Files.isDirectory(Path.of(path))) {
                throw new IllegalArgumentException("not a folder (nor a classpath: location)");
            }
            builder.path(path);
        });
        Boolean cache = template.getCache();
        apply("tornado.template.cache", cache != null ? cache : !properties.isDebug(), builder::cache);
        apply("tornado.template.autoescape", template.isAutoescape(), builder::autoescape);
        return builder.build();
    }

    /**
     * The locales of {@code tornado.locale.*}: the default, the CSV files of the translations folder, then the
     * given fallback (Spring's {@code MessageSource}) for messages the files lack.
     *
     * @param fallback more translations, or null
     * @return the locales
     * @throws InvalidConfigurationPropertyValueException for a translations path that is not a folder
     */
    public Locales locales(Translations fallback) {
        TornadoProperties.LocaleSettings locale = properties.getLocale();
        Translations[] translations = {fallback != null ? fallback : Translations.none()};
        if (locale.getTranslations() != null) {
            apply("tornado.locale.translations", locale.getTranslations(), (folder) -> {
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException("not a folder");
                }
                translations[0] = CsvTranslations.load(folder).orElse(translations[0]);
            });
        }
        Locales[] locales = new Locales[1];
        apply("tornado.locale.default", locale.getDefault(), (code) -> {
            if (code == null || !code.matches("[a-z]+(_[A-Z]+)?")) {
                throw new IllegalArgumentException("a locale code such as en_US or fr");
            }
            locales[0] = new Locales(code, translations[0]);
        });
        return locales[0];
    }

    private static <T> void apply(String key, T value, Consumer<? super T> setter) {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException ex) {
            throw new InvalidConfigurationPropertyValueException(key, value, ex.getMessage());
        }
    }

    private static void readableFile(Path file) {
        if (file == null || !Files.isReadable(file)) {
            throw new IllegalArgumentException("tornado.server.ssl.enabled=true needs a readable PEM file here");
        }
    }

    private static <R> R create(String key, int value, int minimum, IntFunction<R> factory) {
        if (value < minimum) {
            throw new InvalidConfigurationPropertyValueException(key, value, "must be at least " + minimum);
        }
        return factory.apply(value);
    }
}
