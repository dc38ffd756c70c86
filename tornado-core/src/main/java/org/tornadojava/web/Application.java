package org.tornadojava.web;

import io.netty.util.AsciiString;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServerDelegate;
import org.tornadojava.http.CidrSet;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.RequestReceiver;
import org.tornadojava.locale.Locales;
import org.tornadojava.template.PebbleTemplateEngine;
import org.tornadojava.template.TemplateEngine;
import org.tornadojava.template.UIModule;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A web application, Tornado's {@code Application}: an ordered list of routes plus settings, serving each request
 * with a new handler instance on the connection's IOLoop.
 *
 * <pre>{@code
 * Application app = Application.builder()
 *         .route("/", MainHandler::new)
 *         .route(UrlSpec.of("/story/([0-9]+)", StoryHandler::new).withName("story"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable once built; thread-safe.
 */
public final class Application implements HttpServerDelegate {
    /** The {@code Server} header of responses unless {@link Builder#serverHeader(String)} says otherwise. */
    public static final String DEFAULT_SERVER_HEADER = "TornadoServer/0.1.0";

    private static final String[] NO_GROUPS = new String[0];

    private final Router router;
    private final Map<String, UrlSpec> named;
    private final UrlSpec defaultRoute;
    private final ErrorFormat errorFormat;
    private final boolean debug;
    private final boolean accessLog;
    private final AsciiString serverHeader;
    private final JsonMapper jsonMapper;
    private final BlockingExecutor executor;
    private final boolean ownsExecutor;
    private final int websocketMaxMessageSize;
    private final Duration websocketPingInterval;
    private final boolean websocketCompression;
    private final List<RequestListener> requestListeners;
    private final RequestObserver requestObserver;
    private final EtagPolicy etagPolicy;
    private final Clock clock;
    private final SignedValues signedValues;
    private final Duration signedCookieMaxAge;
    private final boolean xsrfCookies;
    private final String loginUrl;
    private final CidrSet ipWhitelist;
    private final Path staticPath;
    private final String staticUrlPrefix;
    private final TemplateEngine configuredTemplateEngine;
    private volatile TemplateEngine defaultTemplateEngine;
    private final Map<String, Supplier<? extends UIModule>> uiModules;
    private final Locales locales;

    private Application(Builder builder) {
        List<UrlSpec> routes = new ArrayList<>(StaticFileHandler.routes(builder.staticPath, builder.staticUrlPrefix,
                builder.staticHandlerArgs));
        routes.addAll(builder.routes);
        routes.forEach(VerbMethodCheck::check);
        VerbMethodCheck.check(builder.defaultRoute);
        this.router = new Router(routes);
        Map<String, UrlSpec> byName = new HashMap<>();
        for (UrlSpec spec : routes) {
            if (spec.name() != null && byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two routes are named '" + spec.name() + "'");
            }
        }
        this.named = Map.copyOf(byName);
        this.defaultRoute = builder.defaultRoute;
        this.errorFormat = builder.errorFormat;
        this.debug = builder.debug;
        this.accessLog = builder.accessLog;
        this.serverHeader = builder.serverHeader.isEmpty() ? null : AsciiString.cached(builder.serverHeader);
        this.jsonMapper = builder.jsonMapper;
        this.websocketMaxMessageSize = builder.websocketMaxMessageSize;
        this.websocketPingInterval = builder.websocketPingInterval;
        this.websocketCompression = builder.websocketCompression;
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor
                ? new BlockingExecutor(BlockingExecutor.DEFAULT_THREADS, BlockingExecutor.DEFAULT_QUEUE_CAPACITY)
                : builder.executor;
        this.requestListeners = List.copyOf(builder.requestListeners);
        this.requestObserver = builder.requestObserver;
        this.etagPolicy = builder.etagPolicy;
        this.clock = builder.clock;
        this.signedValues = builder.cookieSecrets == null ? null
                : SignedValues.of(builder.cookieSecrets, builder.keyVersion, builder.clock);
        this.signedCookieMaxAge = builder.signedCookieMaxAge;
        this.xsrfCookies = builder.xsrfCookies;
        this.loginUrl = builder.loginUrl;
        this.ipWhitelist = builder.ipWhitelist;
        this.staticPath = builder.staticPath;
        this.staticUrlPrefix = builder.staticUrlPrefix;
        this.configuredTemplateEngine = builder.templateEngine;
        this.uiModules = Map.copyOf(builder.uiModules);
        this.locales = builder.locales;
    }

    /**
     * Starts building an application.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Routes a request whose head arrived and creates its handler. Called by the server on the connection's
     * IOLoop. The handler runs once the body arrived, or at once when it streams the body.
     *
     * @param request the request head
     * @return how the handler receives the body
     */
    @Override
    public RequestReceiver headersReceived(HttpServerRequest request) {
        if (!ipWhitelist.isEmpty() && !ipWhitelist.contains(request.remoteIp())) {
            return new HandlerReceiver(this, new ErrorHandler(), request, Map.of("status_code", 403, "log_message",
                    "IP address not in the application's whitelist"), NO_GROUPS, null, false);
        }
        Router.Match match = router.find(request);
        UrlSpec spec = match == null ? defaultRoute : match.spec;
        String[] groups = match == null ? NO_GROUPS : match.rawGroups;
        RequestHandler handler;
        Map<String, Object> initArgs = spec.initArgs();
        Throwable creationFailure = null;
        try {
            handler = spec.factory().get();
        } catch (RuntimeException | Error e) {
            handler = new ErrorHandler();
            initArgs = Map.of("status_code", 500);
            creationFailure = e;
        }
        handler.routePattern(match == null ? null : spec.pattern());
        return new HandlerReceiver(this, handler, request, initArgs, groups, creationFailure, match != null);
    }

    /**
     * Shuts down the executor when the application created it (one given to the builder belongs to its creator).
     * Called by the server's {@code stop}.
     */
    @Override
    public void serverStopped() {
        if (ownsExecutor) {
            executor.shutdown(Duration.ofSeconds(10));
        }
    }

    /**
     * The pool behind {@code RequestHandler.runOnExecutor}. Any thread.
     *
     * @return the executor
     */
    public BlockingExecutor executor() {
        return executor;
    }

    /**
     * The path of a named route with its groups filled in (percent-encoded), Tornado's {@code reverse_url}.
     * Any thread.
     *
     * @param name the route's name
     * @param args one value per group of the route's regex
     * @return the path, e.g. {@code /story/42}
     * @throws IllegalArgumentException for an unknown name, a wrong number of arguments, or a regex too complex
     *         to reverse
     */
    public String reverseUrl(String name, Object... args) {
        UrlSpec spec = named.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no route named '" + name + "'");
        }
        return spec.reverse(args);
    }

    /**
     * The routes in matching order. Any thread.
     *
     * @return an unmodifiable list
     */
    public List<UrlSpec> routes() {
        return router.specs();
    }

    /**
     * Format of default error bodies. Any thread.
     *
     * @return html or json
     */
    public ErrorFormat errorFormat() {
        return errorFormat;
    }

    /**
     * Whether error pages carry stack traces. Any thread.
     *
     * @return the debug flag
     */
    public boolean debug() {
        return debug;
    }

    /**
     * Whether each finished request is logged on {@code tornado.access}. Any thread.
     *
     * @return the access-log flag
     */
    public boolean accessLog() {
        return accessLog;
    }

    /** The {@code Server} header every response starts with, or null for none. Any thread. */
    AsciiString serverHeader() {
        return serverHeader;
    }

    /**
     * Largest WebSocket message accepted; a larger one closes the socket with 1009. Any thread.
     *
     * @return bytes, 10 MiB by default (Tornado's)
     */
    public int websocketMaxMessageSize() {
        return websocketMaxMessageSize;
    }

    /**
     * How often WebSockets are pinged; a peer that does not answer within the same time is closed. Any thread.
     *
     * @return the interval, zero when pings are off (the default)
     */
    public Duration websocketPingInterval() {
        return websocketPingInterval;
    }

    /**
     * Whether WebSockets may negotiate permessage-deflate. Any thread.
     *
     * @return the compression flag, false by default
     */
    public boolean websocketCompression() {
        return websocketCompression;
    }

    /**
     * The listeners told about each finished request, in registration order. Any thread.
     *
     * @return an unmodifiable list, empty when none
     */
    public List<RequestListener> requestListeners() {
        return requestListeners;
    }

    /**
     * The observer following each routed request from start to finish. Any thread.
     *
     * @return the observer, or null when none was registered
     */
    public RequestObserver requestObserver() {
        return requestObserver;
    }

    /**
     * The JSON mapper {@code write(Object)} uses: the builder's, or a plain Jackson mapper shared by all
     * applications and created on first use, so that start-up does not pay for Jackson's initialisation (some
     * hundred milliseconds). Any thread.
     *
     * @return the mapper
     */
    public JsonMapper jsonMapper() {
        return jsonMapper != null ? jsonMapper : DefaultJsonMapper.INSTANCE;
    }

    /** Holder of the default mapper: initialised by the JVM on first access, thread-safe. */
    private static final class DefaultJsonMapper {
        /*
         * Jackson 3 recycles its buffers through a concurrent deque shared by all threads by default (friendly to
         * virtual threads); IOLoops are a few long-lived platform threads, for which a thread-local pool avoids
         * that shared hot spot (measured: the deque was the top frame of /json under load).
         */
        static final JsonMapper INSTANCE = JsonMapper.builder(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
    }

    /**
     * How finished GET/HEAD responses are tagged by default (see {@link RequestHandler#computeEtag()}). Any thread.
     *
     * @return the policy
     */
    public EtagPolicy etagPolicy() {
        return etagPolicy;
    }

    /**
     * The time source of cookie expiry dates and signed-value timestamps. Any thread.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The signer of signed cookies, keyed with the cookie secret. Any thread.
     *
     * @return the signer
     * @throws IllegalStateException when no cookie secret was configured
     */
    public SignedValues signedValues() {
        if (signedValues == null) {
            throw new IllegalStateException("signed cookies need a cookie secret: set Application.Builder.cookieSecret"
                    + " (tornado.security.cookie-secret)");
        }
        return signedValues;
    }

    /**
     * The oldest signed cookie accepted by {@code getSignedCookie}. Any thread.
     *
     * @return the maximum age
     */
    public Duration signedCookieMaxAge() {
        return signedCookieMaxAge;
    }

    /**
     * Whether POST, PUT, PATCH and DELETE requests must carry the XSRF token. Any thread.
     *
     * @return the flag
     */
    public boolean xsrfCookies() {
        return xsrfCookies;
    }

    /**
     * Where {@link Authenticated} sends anonymous users. Any thread.
     *
     * @return the login URL
     */
    public String loginUrl() {
        return loginUrl;
    }

    /**
     * The networks allowed to reach any handler; empty means everybody. Any thread.
     *
     * @return the whitelist
     */
    public CidrSet ipWhitelist() {
        return ipWhitelist;
    }

    /**
     * The folder served under {@link #staticUrlPrefix()}. Any thread.
     *
     * @return the folder, or null when static files are not configured
     */
    public Path staticPath() {
        return staticPath;
    }

    /**
     * The URL prefix of static files. Any thread.
     *
     * @return the prefix, e.g. {@code /static/}
     */
    public String staticUrlPrefix() {
        return staticUrlPrefix;
    }

    /**
     * The versioned URL of a static file, Tornado's {@code static_url}: the prefix, the path and
     * {@code ?v=<SHA-512 hex of the content>}, so browsers may cache it for ten years and still see a new version at
     * once. The hash is cached until the file changes; computing it reads the file on the calling thread, so call
     * it for small assets (scripts, style sheets) or warm it up off the IOLoop. A file that cannot be read gets no
     * version. Any thread.
     *
     * @param path the file's path relative to the static folder, e.g. {@code js/chat.js}
     * @return e.g. {@code /static/js/chat.js?v=5f3a...}
     * @throws IllegalStateException when no static path is configured
     */
    public String staticUrl(String path) {
        if (staticPath == null) {
            throw new IllegalStateException("staticUrl needs Application.Builder.staticPath (tornado.static.path)");
        }
        String url = staticUrlPrefix + path;
        try {
            Path file = staticPath.resolve(path).toRealPath();
            return Files.isRegularFile(file) ? url + "?v=" + ContentVersions.hash(file) : url;
        } catch (IOException | RuntimeException e) {
            return url;
        }
    }

    /**
     * The engine of {@code RequestHandler.render}: the builder's, or a {@link PebbleTemplateEngine} over
     * {@value PebbleTemplateEngine#DEFAULT_PATH} created on first use, caching templates unless {@link #debug()}.
     * Any thread.
     *
     * @return the engine
     */
    public TemplateEngine templateEngine() {
        if (configuredTemplateEngine != null) {
            return configuredTemplateEngine;
        }
        TemplateEngine engine = defaultTemplateEngine;
        if (engine == null) {
            synchronized (this) {
                engine = defaultTemplateEngine;
                if (engine == null) {
                    engine = PebbleTemplateEngine.builder().cache(!debug).build();
                    defaultTemplateEngine = engine;
                }
            }
        }
        return engine;
    }

    /**
     * The UI modules templates may use, by name. Any thread.
     *
     * @return an unmodifiable map of factories
     */
    public Map<String, Supplier<? extends UIModule>> uiModules() {
        return uiModules;
    }

    /**
     * The locales users may get, with their translations. Any thread.
     *
     * @return the locales ({@code en_US} only unless configured)
     */
    public Locales locales() {
        return locales;
    }

    /**
     * Collects routes and settings for an {@link Application}. Not thread-safe.
     */
    public static final class Builder {
        private final List<UrlSpec> routes = new ArrayList<>();
        private UrlSpec defaultRoute = UrlSpec.of(".*", ErrorHandler.class, ErrorHandler::new)
                .withInitArgs(Map.of("status_code", 404));
        private ErrorFormat errorFormat = ErrorFormat.HTML;
        private boolean debug;
        private boolean accessLog = true;
        private String serverHeader = DEFAULT_SERVER_HEADER;
        private JsonMapper jsonMapper;
        private BlockingExecutor executor;
        private int websocketMaxMessageSize = 10 * 1024 * 1024;
        private Duration websocketPingInterval = Duration.ZERO;
        private boolean websocketCompression;
        private final List<RequestListener> requestListeners = new ArrayList<>();
        private RequestObserver requestObserver;
        private EtagPolicy etagPolicy = EtagPolicy.CONTENT_HASH;
        private Clock clock = Clock.systemUTC();
        private Map<Integer, String> cookieSecrets;
        private int keyVersion;
        private Duration signedCookieMaxAge = SignedValues.DEFAULT_MAX_AGE;
        private boolean xsrfCookies;
        private String loginUrl = "/login";
        private CidrSet ipWhitelist = CidrSet.empty();
        private Path staticPath;
        private String staticUrlPrefix = "/static/";
        private Map<String, Object> staticHandlerArgs = Map.of();
        private TemplateEngine templateEngine;
        private final Map<String, Supplier<? extends UIModule>> uiModules = new LinkedHashMap<>();
        private Locales locales = Locales.defaults();

        private Builder() {
        }

        /**
         * Adds a route after the ones already added.
         *
         * @param pattern the path regex
         * @param factory makes one handler per request
         * @return this
         */
        public Builder route(String pattern, Supplier<? extends RequestHandler> factory) {
            return route(UrlSpec.of(pattern, factory));
        }

        /**
         * Adds a route with init arguments for the handler's {@code initialize}.
         *
         * @param pattern the path regex
         * @param factory makes one handler per request
         * @param initArgs passed to {@code initialize}
         * @return this
         */
        public Builder route(String pattern, Supplier<? extends RequestHandler> factory,
                             Map<String, Object> initArgs) {
            return route(UrlSpec.of(pattern, factory).withInitArgs(initArgs));
        }

        /**
         * Adds a route after the ones already added.
         *
         * @param spec the route
         * @return this
         */
        public Builder route(UrlSpec spec) {
            routes.add(spec);
            return this;
        }

        /**
         * Sets the handler for requests no route matches (default: 404), Tornado's {@code default_handler_class}.
         *
         * @param factory makes one handler per request
         * @param initArgs passed to {@code initialize}
         * @return this
         */
        public Builder defaultHandler(Supplier<? extends RequestHandler> factory, Map<String, Object> initArgs) {
            this.defaultRoute = UrlSpec.of(".*", factory).withInitArgs(initArgs);
            return this;
        }

        /**
         * Sets the format of default error bodies.
         *
         * @param errorFormat html (Tornado's page) or json
         * @return this
         */
        public Builder errorFormat(ErrorFormat errorFormat) {
            this.errorFormat = errorFormat;
            return this;
        }

        /**
         * Puts stack traces in error pages when true; never use it in production.
         *
         * @param debug the debug flag
         * @return this
         */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /**
         * Turns the per-request access log on (default) or off.
         *
         * @param accessLog true to log each request on {@code tornado.access}
         * @return this
         */
        public Builder accessLog(boolean accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /**
         * Sets the {@code Server} header every response starts with (a handler may still change or clear it);
         * {@value Application#DEFAULT_SERVER_HEADER} by default, empty for no header.
         *
         * @param serverHeader the header value, or empty
         * @return this
         * @throws IllegalArgumentException when the value holds a control character or non-ASCII text
         */
        public Builder serverHeader(String serverHeader) {
            for (int i = 0; i < serverHeader.length(); i++) {
                char c = serverHeader.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("a Server header must be printable ASCII: " + serverHeader);
                }
            }
            this.serverHeader = serverHeader;
            return this;
        }

        /**
         * Sets the JSON mapper used by {@code write(Object)}; by default a plain Jackson {@link JsonMapper}.
         *
         * @param jsonMapper the mapper
         * @return this
         */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
            return this;
        }

        /**
         * Sets the pool for {@code runOnExecutor}; the caller keeps ownership and shuts it down. By default the
         * application creates one ({@value BlockingExecutor#DEFAULT_THREADS} threads, queue of
         * {@value BlockingExecutor#DEFAULT_QUEUE_CAPACITY}) and shuts it down when the server stops.
         *
         * @param executor the pool
         * @return this
         */
        public Builder executor(BlockingExecutor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the largest WebSocket message (fragments count as a whole); larger ones close with 1009.
         *
         * @param bytes a positive size
         * @return this
         */
        public Builder websocketMaxMessageSize(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("websocket max message size must be positive: " + bytes);
            }
            this.websocketMaxMessageSize = bytes;
            return this;
        }

        /**
         * Pings every WebSocket at this interval and closes those whose pong does not come within it.
         *
         * @param interval the interval; zero turns pings off
         * @return this
         */
        public Builder websocketPingInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("websocket ping interval must not be negative: " + interval);
            }
            this.websocketPingInterval = interval;
            return this;
        }

        /**
         * Lets WebSockets negotiate permessage-deflate when the client offers it.
         *
         * @param compression true to allow compression
         * @return this
         */
        public Builder websocketCompression(boolean compression) {
            this.websocketCompression = compression;
            return this;
        }

        /**
         * Sets how finished GET/HEAD responses are tagged for conditional requests (default
         * {@link EtagPolicy#CONTENT_HASH}, Tornado's); a handler can still override {@code computeEtag()}.
         *
         * @param etagPolicy the policy
         * @return this
         */
        public Builder etagPolicy(EtagPolicy etagPolicy) {
            this.etagPolicy = Objects.requireNonNull(etagPolicy, "etagPolicy");
            return this;
        }

        /**
         * Sets the time source of cookie expiry dates and signed-value timestamps (default: the system clock, UTC);
         * for tests.
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the secret that signs cookies ({@code setSignedCookie}), Tornado's {@code cookie_secret}. Use a long
         * random string and keep it out of source control; Python Tornado with the same secret reads and writes
         * the same signed cookies.
         *
         * @param secret the secret
         * @return this
         * @throws IllegalArgumentException when empty
         */
        public Builder cookieSecret(String secret) {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("cookie secret must not be empty");
            }
            return cookieSecrets(Map.of(0, secret), 0);
        }

        /**
         * Sets rotating cookie secrets, Tornado's {@code cookie_secret} dict with {@code key_version}: new cookies
         * are signed with {@code keyVersion}'s secret, cookies signed with any listed version are accepted.
         *
         * @param secrets secret per key version
         * @param keyVersion the version to sign with
         * @return this
         * @throws IllegalArgumentException when a secret is empty or {@code keyVersion} has none
         */
        public Builder cookieSecrets(Map<Integer, String> secrets, int keyVersion) {
            SignedValues.of(secrets, keyVersion, clock);
            this.cookieSecrets = Map.copyOf(secrets);
            this.keyVersion = keyVersion;
            return this;
        }

        /**
         * Sets the oldest signed cookie {@code getSignedCookie} accepts (default 31 days, Tornado's
         * {@code max_age_days}). Independent of how long the browser keeps the cookie.
         *
         * @param maxAge the maximum age
         * @return this
         */
        public Builder signedCookieMaxAge(Duration maxAge) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("negative signed cookie max age " + maxAge);
            }
            this.signedCookieMaxAge = maxAge;
            return this;
        }

        /**
         * Turns on XSRF protection, Tornado's {@code xsrf_cookies}: every POST, PUT, PATCH and DELETE must carry the
         * token of the {@code _xsrf} cookie (form field {@code _xsrf} or header {@code X-XSRFToken} /
         * {@code X-CSRFToken}), else 403. Pages get the token from {@code xsrfToken()} or {@code xsrfFormHtml()}.
         *
         * @param xsrfCookies true to check
         * @return this
         */
        public Builder xsrfCookies(boolean xsrfCookies) {
            this.xsrfCookies = xsrfCookies;
            return this;
        }

        /**
         * Sets where {@link Authenticated} sends anonymous users (default {@code /login}).
         *
         * @param loginUrl a path or an absolute URL
         * @return this
         */
        public Builder loginUrl(String loginUrl) {
            this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
            return this;
        }

        /**
         * Restricts the whole application to some networks: requests from other addresses answer 403 before
         * routing, with one WARN line on {@code tornado.general}. Empty (the default) allows everybody. The address
         * checked is {@code request().remoteIp()}.
         *
         * @param whitelist the allowed networks
         * @return this
         */
        public Builder ipWhitelist(CidrSet whitelist) {
            this.ipWhitelist = Objects.requireNonNull(whitelist, "whitelist");
            return this;
        }

        /**
         * Serves the files of a folder, Tornado's {@code static_path}: adds, before the other routes,
         * {@code <prefix>(.*)}, {@code /(favicon\.ico)} and {@code /(robots\.txt)} served by
         * {@link StaticFileHandler}.
         *
         * @param staticPath the folder
         * @return this
         */
        public Builder staticPath(Path staticPath) {
            this.staticPath = staticPath;
            return this;
        }

        /**
         * Sets the URL prefix of static files (default {@code /static/}).
         *
         * @param prefix a path starting and ending with {@code /}
         * @return this
         * @throws IllegalArgumentException when it does not start and end with {@code /}
         */
        public Builder staticUrlPrefix(String prefix) {
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("static URL prefix must start and end with '/': " + prefix);
            }
            this.staticUrlPrefix = prefix;
            return this;
        }

        /**
         * Sets extra init arguments of the static routes' {@link StaticFileHandler}, Tornado's
         * {@code static_handler_args}, e.g. {@code Map.of("default_filename", "index.html")}.
         *
         * @param args the init arguments
         * @return this
         */
        public Builder staticHandlerArgs(Map<String, Object> args) {
            this.staticHandlerArgs = Map.copyOf(args);
            return this;
        }

        /**
         * Adds a listener told about every finished request (route pattern, method, status, duration), after the
         * ones already added; see {@link RequestListener} for when and on which thread it is called.
         *
         * @param listener the listener
         * @return this
         */
        public Builder requestListener(RequestListener listener) {
            requestListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the observer that follows each routed request from its start to its finish (e.g. a metrics timer and
         * a tracing span); see {@link RequestObserver} for when and on which thread it is called.
         *
         * @param observer the observer, or null for none (the default)
         * @return this
         */
        public Builder requestObserver(RequestObserver observer) {
            this.requestObserver = observer;
            return this;
        }

        /**
         * Sets the engine of {@code render}, Tornado's {@code template_loader}; by default Pebble over
         * {@value PebbleTemplateEngine#DEFAULT_PATH}, caching unless debug.
         *
         * @param templateEngine the engine
         * @return this
         */
        public Builder templateEngine(TemplateEngine templateEngine) {
            this.templateEngine = Objects.requireNonNull(templateEngine, "templateEngine");
            return this;
        }

        /**
         * Registers a UI module, Tornado's {@code ui_modules}: templates call {@code {{ module("Entry", e) }}}.
         *
         * @param name the name templates use
         * @param factory makes a new module for each use
         * @return this
         */
        public Builder uiModule(String name, Supplier<? extends UIModule> factory) {
            uiModules.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Sets the locales and translations users may get (default: {@code en_US} without translations).
         *
         * @param locales the locales
         * @return this
         */
        public Builder locales(Locales locales) {
            this.locales = Objects.requireNonNull(locales, "locales");
            return this;
        }

        /**
         * Builds the application.
         *
         * @return the application
         * @throws IllegalArgumentException when two routes share a name
         */
        public Application build() {
            return new Application(this);
        }
    }
}
