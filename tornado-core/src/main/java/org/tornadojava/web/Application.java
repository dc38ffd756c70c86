package org.tornadojava.web;

import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServerDelegate;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.RequestReceiver;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final String[] NO_GROUPS = new String[0];

    private final Router router;
    private final Map<String, UrlSpec> named;
    private final UrlSpec defaultRoute;
    private final ErrorFormat errorFormat;
    private final boolean debug;
    private final boolean accessLog;
    private final JsonMapper jsonMapper;
    private final BlockingExecutor executor;
    private final boolean ownsExecutor;
    private final int websocketMaxMessageSize;
    private final Duration websocketPingInterval;
    private final boolean websocketCompression;
    private final List<RequestListener> requestListeners;

    private Application(Builder builder) {
        this.router = new Router(builder.routes);
        Map<String, UrlSpec> byName = new HashMap<>();
        for (UrlSpec spec : builder.routes) {
            if (spec.name() != null && byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two routes are named '" + spec.name() + "'");
            }
        }
        this.named = Map.copyOf(byName);
        this.defaultRoute = builder.defaultRoute;
        this.errorFormat = builder.errorFormat;
        this.debug = builder.debug;
        this.accessLog = builder.accessLog;
        this.jsonMapper = builder.jsonMapper;
        this.websocketMaxMessageSize = builder.websocketMaxMessageSize;
        this.websocketPingInterval = builder.websocketPingInterval;
        this.websocketCompression = builder.websocketCompression;
        this.ownsExecutor = builder.executor == null;
        this.executor = ownsExecutor
                ? new BlockingExecutor(BlockingExecutor.DEFAULT_THREADS, BlockingExecutor.DEFAULT_QUEUE_CAPACITY)
                : builder.executor;
        this.requestListeners = List.copyOf(builder.requestListeners);
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
        Router.Match match = router.find(request.hostName(), request.path());
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
        static final JsonMapper INSTANCE = JsonMapper.builder().build();
    }

    /**
     * Collects routes and settings for an {@link Application}. Not thread-safe.
     */
    public static final class Builder {
        private final List<UrlSpec> routes = new ArrayList<>();
        private UrlSpec defaultRoute = UrlSpec.of(".*", ErrorHandler::new).withInitArgs(Map.of("status_code", 404));
        private ErrorFormat errorFormat = ErrorFormat.HTML;
        private boolean debug;
        private boolean accessLog = true;
        private JsonMapper jsonMapper;
        private BlockingExecutor executor;
        private int websocketMaxMessageSize = 10 * 1024 * 1024;
        private Duration websocketPingInterval = Duration.ZERO;
        private boolean websocketCompression;
        private final List<RequestListener> requestListeners = new ArrayList<>();

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
