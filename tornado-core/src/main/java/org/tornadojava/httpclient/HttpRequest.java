package org.tornadojava.httpclient;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One request for {@link AsyncHttpClient#fetch(HttpRequest)}, Tornado's {@code HTTPRequest}: method, URL, headers,
 * body and per-request settings. A setting left unset uses the client's {@link HttpClientOptions}.
 *
 * <pre>{@code
 * HttpRequest request = HttpRequest.builder("https://example.com/api")
 *         .method("POST")
 *         .header("Content-Type", "application/json")
 *         .body("{\"q\":1}")
 *         .requestTimeout(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 *
 * <p>Immutable: the builder copies the headers and the body, and the getters return copies, so a request may be
 * shared and fetched again from any thread.
 */
public final class HttpRequest {
    private static final byte[] NO_BODY = new byte[0];
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final String method;
    private final RequestUrl url;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Boolean followRedirects;
    private final Integer maxRedirects;
    private final Boolean decompressResponse;
    private final Boolean validateCert;
    private final boolean raiseError;
    private final StreamingCallback streamingCallback;
    private final Consumer<String> headerCallback;
    private final BodyProducer bodyProducer;
    private final String authUsername;
    private final String authPassword;
    private final AuthMode authMode;
    private final HttpProxy proxy;
    private final boolean allowNonstandardMethods;

    private HttpRequest(Builder builder) {
        this.method = builder.method;
        this.url = builder.url;
        this.headers = builder.headers.copy();
        this.body = builder.body;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.followRedirects = builder.followRedirects;
        this.maxRedirects = builder.maxRedirects;
        this.decompressResponse = builder.decompressResponse;
        this.validateCert = builder.validateCert;
        this.raiseError = builder.raiseError;
        this.streamingCallback = builder.streamingCallback;
        this.headerCallback = builder.headerCallback;
        this.bodyProducer = builder.bodyProducer;
        this.authUsername = builder.authUsername;
        this.authPassword = builder.authPassword;
        this.authMode = builder.authMode;
        this.proxy = builder.proxy;
        this.allowNonstandardMethods = builder.allowNonstandardMethods;
    }

    /**
     * Starts a GET request for the URL. Any thread.
     *
     * @param url an absolute {@code http://} or {@code https://} URL
     * @return a builder
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL with a host
     */
    public static Builder builder(String url) {
        return new Builder(RequestUrl.parse(url));
    }

    /**
     * A builder holding this request's values, to derive a changed copy. Any thread.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(url);
        builder.method = method;
        builder.headers.set(headers);
        builder.body = body;
        builder.connectTimeout = connectTimeout;
        builder.requestTimeout = requestTimeout;
        builder.followRedirects = followRedirects;
        builder.maxRedirects = maxRedirects;
        builder.decompressResponse = decompressResponse;
        builder.validateCert = validateCert;
        builder.raiseError = raiseError;
        builder.streamingCallback = streamingCallback;
        builder.headerCallback = headerCallback;
        builder.bodyProducer = bodyProducer;
        builder.authUsername = authUsername;
        builder.authPassword = authPassword;
        builder.authMode = authMode;
        builder.proxy = proxy;
        builder.allowNonstandardMethods = allowNonstandardMethods;
        return builder;
    }

    /**
     * The method, e.g. {@code GET}. Any thread.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The URL without its fragment. Any thread.
     *
     * @return the absolute URL
     */
    public String url() {
        return url.toString();
    }

    /**
     * A copy of the headers set on the request (the client adds {@code Host}, {@code User-Agent},
     * {@code Accept-Encoding} and {@code Content-Length} when they are missing). Any thread.
     *
     * @return a copy; changing it changes nothing
     */
    public HttpHeaders headers() {
        return headers.copy();
    }

    /**
     * The first value of a header, case-insensitive. Any thread.
     *
     * @param name the header name
     * @return the value, or null
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * Every value of a header, case-insensitive. Any thread.
     *
     * @param name the header name
     * @return the values in order; empty when the header is absent
     */
    public List<String> headerValues(String name) {
        return List.copyOf(headers.getAll(name));
    }

    /**
     * Tells whether the request has a body (possibly empty). Any thread.
     *
     * @return true when {@link Builder#body(byte[])} was called
     */
    public boolean hasBody() {
        return body != null;
    }

    /**
     * A copy of the body. Any thread.
     *
     * @return the bytes; empty when there is none
     */
    public byte[] body() {
        return body == null ? NO_BODY : body.clone();
    }

    /**
     * The connect timeout of this request. Any thread.
     *
     * @return the timeout, or null for the client's default
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The request timeout of this request. Any thread.
     *
     * @return the timeout, or null for the client's default
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Whether redirects are followed. Any thread.
     *
     * @return the setting, or null for the client's default
     */
    public Boolean followRedirects() {
        return followRedirects;
    }

    /**
     * How many more redirects may be followed. Any thread.
     *
     * @return the limit, or null for the client's default
     */
    public Integer maxRedirects() {
        return maxRedirects;
    }

    /**
     * Whether the response is decompressed (Tornado's {@code decompress_response}). Any thread.
     *
     * @return the setting, or null for the client's default
     */
    public Boolean decompressResponse() {
        return decompressResponse;
    }

    /**
     * Whether the server's certificate and host name are checked. Any thread.
     *
     * @return the setting, or null for the client's default
     */
    public Boolean validateCert() {
        return validateCert;
    }

    /**
     * Whether a response with a status outside 200-299 fails the fetch with {@link HttpClientError}. Any thread.
     *
     * @return true by default
     */
    public boolean raiseError() {
        return raiseError;
    }

    /**
     * The receiver of the body in pieces, if any. Any thread.
     *
     * @return the callback, or null when the body is collected into the response
     */
    public StreamingCallback streamingCallback() {
        return streamingCallback;
    }

    /**
     * The receiver of the response's status line and header lines, if any. Any thread.
     *
     * @return the callback, or null
     */
    public Consumer<String> headerCallback() {
        return headerCallback;
    }

    /**
     * The producer of a streamed body, if any. Any thread.
     *
     * @return the producer, or null when the body (if any) is an array
     */
    public BodyProducer bodyProducer() {
        return bodyProducer;
    }

    /**
     * The user name sent for HTTP authentication. Any thread.
     *
     * @return the user name, or null when the request sends none
     */
    public String authUsername() {
        return authUsername;
    }

    /**
     * The password sent for HTTP authentication. Any thread.
     *
     * @return the password, or null
     */
    public String authPassword() {
        return authPassword;
    }

    /**
     * How the credentials are sent. Any thread.
     *
     * @return {@link AuthMode#BASIC} unless set
     */
    public AuthMode authMode() {
        return authMode;
    }

    /**
     * The proxy of this request. Any thread.
     *
     * @return the proxy, or null for the client's default
     */
    public HttpProxy proxy() {
        return proxy;
    }

    /**
     * Whether any method token and any body are allowed (Tornado's {@code allow_nonstandard_methods}). Any thread.
     *
     * @return false by default
     */
    public boolean allowNonstandardMethods() {
        return allowNonstandardMethods;
    }

    RequestUrl parsedUrl() {
        return url;
    }

    /** The body without copying, or null; the client never changes it. */
    byte[] bodyBytes() {
        return body;
    }

    /** The headers without copying; the client never changes them. */
    HttpHeaders headersView() {
        return headers;
    }

    @Override
    public String toString() {
        return method + " " + url;
    }

    /**
     * Builds an {@link HttpRequest}. Not thread-safe; the built request is.
     */
    public static final class Builder {
        private String method = "GET";
        private RequestUrl url;
        private final HttpHeaders headers = new DefaultHttpHeaders();
        private byte[] body;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private Boolean followRedirects;
        private Integer maxRedirects;
        private Boolean decompressResponse;
        private Boolean validateCert;
        private boolean raiseError = true;
        private StreamingCallback streamingCallback;
        private Consumer<String> headerCallback;
        private BodyProducer bodyProducer;
        private String authUsername;
        private String authPassword;
        private AuthMode authMode = AuthMode.BASIC;
        private HttpProxy proxy;
        private boolean allowNonstandardMethods;

        private Builder(RequestUrl url) {
            this.url = url;
        }

        /**
         * Sets the URL.
         *
         * @param url an absolute {@code http://} or {@code https://} URL
         * @return this
         * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
         */
        public Builder url(String url) {
            this.url = RequestUrl.parse(url);
            return this;
        }

        Builder url(RequestUrl url) {
            this.url = url;
            return this;
        }

        /**
         * Sets the method; {@code GET} by default.
         *
         * @param method a method token, e.g. {@code POST}
         * @return this
         * @throws IllegalArgumentException when it is not a valid token
         */
        public Builder method(String method) {
            if (method.isEmpty() || !method.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("invalid HTTP method '" + method + "'");
            }
            this.method = method;
            return this;
        }

        private static boolean isTokenChar(int c) {
            return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }

        /**
         * Adds a header value (an existing value of the same name is kept).
         *
         * @param name the header name
         * @param value the value; {@code toString()} is sent
         * @return this
         * @throws IllegalArgumentException when the name or value contains characters not allowed in a header
         */
        public Builder header(String name, Object value) {
            headers.add(name, value.toString());
            return this;
        }

        /**
         * Sets a header, replacing every value of the same name.
         *
         * @param name the header name
         * @param value the value; {@code toString()} is sent
         * @return this
         * @throws IllegalArgumentException when the name or value contains characters not allowed in a header
         */
        public Builder setHeader(String name, Object value) {
            headers.set(name, value.toString());
            return this;
        }

        /**
         * Removes every value of a header.
         *
         * @param name the header name
         * @return this
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Sets the body; the array is copied.
         *
         * @param body the bytes, or null for no body
         * @return this
         */
        public Builder body(byte[] body) {
            this.body = body == null ? null : body.clone();
            return this;
        }

        /**
         * Sets the body to the UTF-8 bytes of the text.
         *
         * @param body the text
         * @return this
         */
        public Builder body(String body) {
            this.body = body.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Sets the connect timeout: name resolution, TCP and TLS handshake.
         *
         * @param timeout zero for none
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = HttpClientOptions.notNegative("connectTimeout", timeout);
            return this;
        }

        /**
         * Sets the request timeout, from {@code fetch} to the last byte of the response, time waiting in the
         * client's queue included. Each redirect starts a new one.
         *
         * @param timeout zero for none
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = HttpClientOptions.notNegative("requestTimeout", timeout);
            return this;
        }

        /**
         * Sets whether 301, 302, 303, 307 and 308 responses with a {@code Location} are followed.
         *
         * @param followRedirects false to get the 3xx response
         * @return this
         */
        public Builder followRedirects(boolean followRedirects) {
            this.followRedirects = followRedirects;
            return this;
        }

        /**
         * Sets how many redirects are followed before the last 3xx response is returned.
         *
         * @param maxRedirects 0 or more
         * @return this
         */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Sets whether to ask for gzip and decompress the response (Tornado's {@code decompress_response}).
         *
         * @param decompressResponse false to get the body as sent
         * @return this
         */
        public Builder decompressResponse(boolean decompressResponse) {
            this.decompressResponse = decompressResponse;
            return this;
        }

        /**
         * Sets whether the server's certificate chain and host name are checked (HTTPS only).
         *
         * @param validateCert false to accept any certificate
         * @return this
         */
        public Builder validateCert(boolean validateCert) {
            this.validateCert = validateCert;
            return this;
        }

        /**
         * Sets whether a status outside 200-299 fails the fetch with {@link HttpClientError} (the default) or
         * completes it normally. Timeouts and connection errors fail it either way.
         *
         * @param raiseError false to get every response
         * @return this
         */
        public Builder raiseError(boolean raiseError) {
            this.raiseError = raiseError;
            return this;
        }

        /**
         * Hands the body to the callback piece by piece instead of collecting it, so a large download is never
         * held in memory; the response's body is then empty. Each piece is a new array the callback may keep.
         * Pieces arrive in order, on the IOLoop of the connection (the caller's IOLoop when {@code fetch} was
         * called on one of the client's loops). The callback must not block; when it returns an unfinished future
         * the client reads nothing more from the connection until that future completes (backpressure). If it
         * throws or its future fails, the fetch fails with that exception. The body of a redirect that is
         * followed is not passed on.
         *
         * @param callback receives each piece, or null to collect the body
         * @return this
         */
        public Builder streamingCallback(StreamingCallback callback) {
            this.streamingCallback = callback;
            return this;
        }

        /**
         * Receives the head of the final response line by line, as Tornado's {@code header_callback}: the status
         * line ({@code "HTTP/1.1 200 OK\r\n"}), then one {@code "Name: value\r\n"} per header value, then
         * {@code "\r\n"}, before any piece of the body. Headers are as {@link HttpResponse#headers()} shows
         * them. Not called for a redirect that is followed. On the connection's IOLoop; if it throws, the fetch
         * fails with that exception.
         *
         * @param callback receives each line, or null
         * @return this
         */
        public Builder headerCallback(Consumer<String> callback) {
            this.headerCallback = callback;
            return this;
        }

        /**
         * Streams the body from a producer instead of an array (Tornado's {@code body_producer}). Without a
         * {@code Content-Length} header the body goes out with {@code Transfer-Encoding: chunked}. A request with
         * a producer is never sent twice on a reused connection that closed before answering.
         *
         * @param producer writes the body, or null for none
         * @return this
         */
        public Builder bodyProducer(BodyProducer producer) {
            this.bodyProducer = producer;
            return this;
        }

        /**
         * Sets the user name for HTTP authentication ({@link #authMode} says how it is sent). An
         * {@code Authorization} header set on the request wins.
         *
         * @param username the user name, or null for none
         * @return this
         */
        public Builder authUsername(String username) {
            this.authUsername = username;
            return this;
        }

        /**
         * Sets the password for HTTP authentication.
         *
         * @param password the password, or null
         * @return this
         */
        public Builder authPassword(String password) {
            this.authPassword = password;
            return this;
        }

        /**
         * Sets how the credentials are sent: {@link AuthMode#BASIC} (the default) or {@link AuthMode#DIGEST}.
         *
         * @param mode the mode
         * @return this
         */
        public Builder authMode(AuthMode mode) {
            this.authMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sends this request through a proxy, instead of the client's default proxy.
         *
         * @param proxy the proxy, or null for the client's default
         * @return this
         */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Allows any method token and a body with any method (Tornado's {@code allow_nonstandard_methods}). By
         * default the method must be GET, HEAD, POST, PUT, DELETE, PATCH or OPTIONS, and POST, PUT and PATCH need
         * a body while the others must have none.
         *
         * @param allow true to skip these checks
         * @return this
         */
        public Builder allowNonstandardMethods(boolean allow) {
            this.allowNonstandardMethods = allow;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException unless {@link #allowNonstandardMethods} is set: for a method outside
         *         Tornado's standard ones, for POST, PUT or PATCH without a body and for other methods with one;
         *         always for both a body and a body producer, and for only one of user name and password
         */
        public HttpRequest build() {
            boolean bodyPresent = body != null || bodyProducer != null;
            if (body != null && bodyProducer != null) {
                throw new IllegalArgumentException("a request has either a body or a body producer, not both");
            }
            if ((authUsername == null) != (authPassword == null)) {
                throw new IllegalArgumentException("authUsername needs authPassword and the other way around");
            }
            if (!allowNonstandardMethods) {
                if (!STANDARD_METHODS.contains(method)) {
                    throw new IllegalArgumentException("unknown method " + method
                            + " (unless allowNonstandardMethods is true)");
                }
                boolean bodyExpected = BODY_METHODS.contains(method);
                if (bodyExpected != bodyPresent) {
                    throw new IllegalArgumentException("Body must " + (bodyExpected ? "not " : "")
                            + "be null for method " + method + " (unless allowNonstandardMethods is true)");
                }
            }
            return new HttpRequest(this);
        }
    }
}
