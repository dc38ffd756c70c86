package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpDates;
import org.tornadojava.http.CidrSet;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.HttpStatusReasons;
import org.tornadojava.http.ResponseWriter;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.ioloop.IOLoop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Base class of request handlers, Tornado's {@code RequestHandler}. The application creates one instance per
 * request. Subclasses declare verb methods named after the HTTP method, taking one {@code String} per group of
 * the route's regex and returning {@code void} or a {@code CompletionStage}:
 *
 * <pre>{@code
 * class StoryHandler extends RequestHandler {
 *     public void get(String storyId) {
 *         write("You requested story " + storyId);
 *     }
 * }
 * }</pre>
 *
 * <p>A method the class does not declare answers 405 with an {@code Allow} header; HEAD runs {@code get} and sends
 * no body. After the verb method returns (or its stage completes) the response is finished automatically.
 *
 * <p>Before the verb method, in this order: the method check (405), path arguments (400 for bad UTF-8),
 * {@link #ipWhitelist()} (403), {@link #checkXsrfCookie()} when the application turns XSRF on (403),
 * {@link #prepare()}, then {@link Authenticated} (302 to the login page, or 403). A 200 answer to GET or HEAD that
 * was not flushed is tagged by {@link #computeEtag()} and answered 304 when {@code If-None-Match} matches.
 *
 * <h2>Threading</h2>
 * An instance is confined to its connection's IOLoop: {@code initialize}, {@code prepare}, the verb method,
 * {@code writeError}, {@code onFinish} and {@code onConnectionClose} run there. Output methods ({@code write},
 * {@code flush}, {@code finish}, {@code setStatus}, {@code setHeader}, {@code redirect}, {@code sendError}, ...)
 * may be called from any thread: off the loop they are handed to it in call order, and their data is copied at
 * the call, so the caller may reuse its arrays. On the loop they run at once, without locks. Getters of the
 * request and its arguments may be called from any thread once the verb method runs.
 *
 * <h2>Client going away</h2>
 * If the connection closes before the response is finished, {@link #onConnectionClose()} runs once on the loop;
 * from then on output calls do nothing, {@link #flush()} and {@link #finish()} return futures failed with
 * {@link StreamClosedException}, errors are not logged above DEBUG, and {@link #onFinish()} still runs once when
 * the handler finishes (explicitly or when its verb method's stage completes).
 */
public abstract class RequestHandler {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final AsciiString SERVER_HEADER = AsciiString.cached("Server");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString LOCATION = AsciiString.cached("Location");
    private static final AsciiString ALLOW = AsciiString.cached("Allow");
    private static final AsciiString SERVER = AsciiString.cached("TornadoServer/0.1.0");
    private static final AsciiString TEXT_HTML = AsciiString.cached("text/html; charset=UTF-8");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json; charset=UTF-8");
    private static final AsciiString ETAG = AsciiString.cached("Etag");
    private static final AsciiString SET_COOKIE = AsciiString.cached("Set-Cookie");
    private static final List<AsciiString> REPRESENTATION_HEADERS = List.of(CONTENT_TYPE, CONTENT_LENGTH,
            AsciiString.cached("Content-Encoding"), AsciiString.cached("Content-Language"));
    private static final Duration CLEARED_COOKIE_AGE = Duration.ofDays(365);
    private static final List<String> XSRF_EXEMPT = List.of("GET", "HEAD", "OPTIONS");

    private Application application;
    private HttpServerRequest request;
    private ResponseWriter writer;
    private IOLoop loop;
    private RequestArguments arguments;
    private Map<String, Object> initArgs;
    private String[] pathArgs;
    private int status;
    private String reason;
    private HttpHeaders headers;
    private ByteBuf buffer;
    private boolean headersWritten;
    private boolean finished;
    private boolean onFinishRan;
    private String allowOn405;
    private Map<String, String> newCookies;
    private volatile Map<String, String> requestCookies;
    private volatile boolean currentUserKnown;
    private volatile Object currentUser;
    private byte[] rawXsrfToken;
    private boolean xsrfCookieSent;
    private String xsrfToken;
    private volatile boolean finishCalled;
    private volatile boolean closed;
    private String routePattern;
    private ObservedRequest observed;

    /** Subclasses get their dependencies through the constructor; the request is not available yet. */
    protected RequestHandler() {
    }

    /** The pattern of the route that chose this handler (null for the default handler), for request listeners. */
    final void routePattern(String pattern) {
        this.routePattern = pattern;
    }

    // ---------------------------------------------------------------- lifecycle, called by Application

    final void start(Application application, HttpServerRequest request, Map<String, Object> initArgs,
                     String[] rawGroups, Throwable creationFailure) {
        begin(application, request, initArgs);
        try (RequestObservation.Scope scope = observationScope()) {
            if (creationFailure != null) {
                APP_LOG.error("Cannot create a handler for {}", summary(), creationFailure);
            }
            this.arguments = RequestArguments.parse(request);
            initialize(initArgs);
            beforeVerb(rawGroups);
            if (!finishCalled) {
                invokeVerb();
            }
        } catch (Throwable e) {
            handleRequestException(e);
        }
    }

    /** The scope that makes the request's observation current around handler code; a shared no-op if unobserved. */
    private RequestObservation.Scope observationScope() {
        return observed == null ? ObservedRequest.NO_SCOPE : observed.openScope();
    }

    /** Starts a {@link StreamRequestBody} handler when the head arrived: up to and including {@code prepare}. */
    final void startStreaming(Application application, HttpServerRequest request, Map<String, Object> initArgs,
                              String[] rawGroups) {
        begin(application, request, initArgs);
        try (RequestObservation.Scope scope = observationScope()) {
            this.arguments = RequestArguments.parse(request);
            initialize(initArgs);
            beforeVerb(rawGroups);
        } catch (Throwable e) {
            handleRequestException(e);
        }
    }

    /** Hands a piece of a streamed body to {@link #dataReceived}, unless the request is already answered. */
    final CompletionStage<?> receiveData(ByteBuf chunk) {
        if (finishCalled || closed) {
            return null;
        }
        try {
            return dataReceived(chunk);
        } catch (Throwable e) {
            handleRequestException(e);
            return null;
        }
    }

    /** The streamed body is complete: runs the verb method, unless the request is already answered. */
    final void bodyReceived() {
        if (finishCalled || closed) {
            return;
        }
        try (RequestObservation.Scope scope = observationScope()) {
            invokeVerb();
        } catch (Throwable e) {
            handleRequestException(e);
        }
    }

    private void begin(Application application, HttpServerRequest request, Map<String, Object> initArgs) {
        this.application = application;
        this.request = request;
        this.writer = request.writer();
        this.loop = writer.loop();
        this.initArgs = initArgs;
        writer.onClose(this::connectionClosed);
        resetResponse(request.startNanos());
        this.observed = ObservedRequest.start(application.requestObserver(), request, routePattern);
    }

    private void beforeVerb(String[] rawGroups) {
        if (!HandlerMethods.SUPPORTED.contains(request.method())) {
            throw new HttpError(405);
        }
        pathArgs = decodePathArgs(rawGroups);
        CidrSet whitelist = ipWhitelist();
        if (whitelist != null && !whitelist.contains(request.remoteIp())) {
            throw new HttpError(403, null, "IP address not in the handler's whitelist");
        }
        if (application.xsrfCookies() && !XSRF_EXEMPT.contains(request.method())) {
            checkXsrfCookie();
        }
        prepare();
    }

    private void invokeVerb() throws Throwable {
        HandlerMethods methods = HandlerMethods.of(getClass());
        HandlerMethods.Verb verb = methods.verb(request.method());
        if (verb == null) {
            allowOn405 = methods.allow();
            throw new HttpError(405);
        }
        if (verb.authenticated() && currentUser() == null) {
            refuseAnonymous(request.method());
            return;
        }
        Object result = verb.invoke(this, pathArgs);
        if (result instanceof CompletionStage) {
            ((CompletionStage<?>) result).whenComplete((value, error) -> onLoop(() -> verbCompleted(error)));
        } else if (!finishCalled) {
            autoFinish();
        }
    }

    private void verbCompleted(Throwable error) {
        if (error != null) {
            handleRequestException(error);
        } else if (!finishCalled) {
            autoFinish();
        }
    }

    /**
     * The finish after a verb method that did not finish itself: like {@link #finish()} on the loop, without the
     * future nobody would look at (one allocation and one listener less per request).
     */
    private void autoFinish() {
        if (closed) {
            finishAfterClose();
            return;
        }
        finishCalled = true;
        doFinish(false);
    }

    private void refuseAnonymous(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(403);
        }
        String url = getLoginUrl();
        if (url.indexOf('?') < 0) {
            String next = hasScheme(url) ? request.fullUrl() : request.uri();
            url += "?next=" + PercentCodec.encodeQueryValue(next);
        }
        redirect(url);
    }

    /** Whether a URL starts with a scheme ({@code https:}), as Python's {@code urlsplit(url).scheme} finds one. */
    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon < 1 || !Character.isLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String[] decodePathArgs(String[] rawGroups) {
        String[] decoded = new String[rawGroups.length];
        for (int i = 0; i < rawGroups.length; i++) {
            String raw = rawGroups[i];
            try {
                decoded[i] = raw == null ? null : PercentCodec.decode(raw, 0, raw.length(), false);
            } catch (CharacterCodingException e) {
                throw new HttpError(400, null, "Invalid unicode in path argument");
            }
        }
        return decoded;
    }

    private void handleRequestException(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (closed || e instanceof StreamClosedException) {
            // A failed write can report the client's departure before the connection does: same outcome.
            GENERAL_LOG.debug("{} after the client went away: {}", summary(), e.toString());
            if (!closed) {
                writer.abort();
            }
            finishAfterClose();
            return;
        }
        if (e instanceof Finish) {
            if (!finishCalled) {
                finish();
            }
            return;
        }
        if (finishCalled) {
            APP_LOG.error("Exception after finish() in {}", summary(), e);
            return;
        }
        if (e instanceof HttpError) {
            HttpError error = (HttpError) e;
            if (error.logMessage() != null) {
                GENERAL_LOG.warn("{} {}: {}", error.status(), summary(), error.logMessage());
            }
            sendError(error.status(), error);
        } else {
            APP_LOG.error("Uncaught exception {}\n{}", summary(), request, e);
            sendError(500, e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private void connectionClosed() {
        if (closed) {
            return;
        }
        closed = true;
        releaseBuffer();
        try {
            onConnectionClose();
        } catch (Throwable e) {
            APP_LOG.error("Exception in onConnectionClose of {}", summary(), e);
        }
        if (observed != null) {
            observed.aborted();
        }
    }

    private void finishAfterClose() {
        if (!finished) {
            finished = true;
            finishCalled = true;
            releaseBuffer();
            if (observed != null) {
                observed.aborted();
            }
            runOnFinish();
        }
    }

    private void runOnFinish() {
        if (onFinishRan) {
            return;
        }
        onFinishRan = true;
        try {
            onFinish();
        } catch (Throwable e) {
            APP_LOG.error("Exception in onFinish of {}", summary(), e);
        }
    }

    // ---------------------------------------------------------------- hooks for subclasses

    /**
     * Receives the route's init arguments (Tornado's {@code initialize(**kwargs)}). Runs on the IOLoop before
     * {@link #prepare()}. Does nothing by default.
     *
     * @param kwargs the route's init arguments
     */
    protected void initialize(Map<String, Object> kwargs) {
    }

    /**
     * Runs before the verb method, on the IOLoop; may call {@code finish()}, {@code redirect} or throw
     * {@link HttpError} to answer early. Does nothing by default.
     */
    protected void prepare() {
    }

    /**
     * Receives one piece of the request body, for handlers marked {@link StreamRequestBody}; runs on the IOLoop
     * between {@code prepare} and the verb method. The buffer is released when the call returns (retain it, or
     * copy the bytes, to keep them). Return a stage to pause reading until it completes (flow control), or null.
     * Does nothing by default.
     *
     * @param chunk the bytes received
     * @return null, or a stage that must complete before more of the body is read
     */
    protected CompletionStage<?> dataReceived(ByteBuf chunk) {
        return null;
    }

    /**
     * Runs once after the response is finished, or after the handler finishes following a disconnect. On the
     * IOLoop. Cannot produce output. Does nothing by default.
     */
    protected void onFinish() {
    }

    /**
     * Runs once, on the IOLoop, when the client goes away before the response is finished: the place to cancel
     * what the handler waits for (a long-poll waiter, a timer). Does nothing by default.
     */
    protected void onConnectionClose() {
    }

    /**
     * Sets headers every response of this handler carries, error pages included; runs on the IOLoop at the start
     * and whenever the response is cleared. Does nothing by default.
     */
    protected void setDefaultHeaders() {
    }

    /**
     * Writes the body of an error response; the status is already set and the output cleared. The default writes
     * Tornado's HTML page or, with {@link ErrorFormat#JSON}, {@code {"status":..,"reason":..}}; in debug mode an
     * exception's stack trace as text. Override to customise. Runs on the IOLoop.
     *
     * @param status the HTTP status
     * @param error what caused it, or null
     */
    protected void writeError(int status, Throwable error) {
        if (application.debug() && error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            putHeader(CONTENT_TYPE, TEXT_PLAIN);
            write(trace.toString());
        } else if (application.errorFormat() == ErrorFormat.JSON) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("reason", reason);
            write(body);
        } else {
            String text = status + ": " + Escape.xhtmlEscape(reason);
            write("<html><title>" + text + "</title><body>" + text + "</body></html>");
        }
    }

    // ---------------------------------------------------------------- request input

    /**
     * The request being served. Any thread.
     *
     * @return the request
     */
    public final HttpServerRequest request() {
        return request;
    }

    /**
     * The application serving the request. Any thread.
     *
     * @return the application
     */
    public final Application application() {
        return application;
    }

    /**
     * The route's path groups, percent-decoded (the verb method's arguments). Any thread, from {@code prepare}
     * on.
     *
     * @return an unmodifiable list; an unmatched optional group is null
     */
    public final List<String> pathArgs() {
        return pathArgs == null ? List.of() : Collections.unmodifiableList(Arrays.asList(pathArgs));
    }

    /**
     * The last value of a query or body argument (a body value beats a query value), control characters turned
     * into spaces and surrounding white space stripped. Any thread.
     *
     * @param name the argument name
     * @return the value
     * @throws MissingArgumentError (400) when the argument was not sent
     */
    public final String getArgument(String name) {
        return required(name, getArgument(name, null));
    }

    /**
     * Like {@link #getArgument(String)} with a default. Any thread.
     *
     * @param name the argument name
     * @param defaultValue returned when the argument was not sent (may be null)
     * @return the value or the default
     */
    public final String getArgument(String name, String defaultValue) {
        return getArgument(name, defaultValue, true);
    }

    /**
     * Like {@link #getArgument(String, String)}, choosing whether to strip white space. Any thread.
     *
     * @param name the argument name
     * @param defaultValue returned when the argument was not sent (may be null)
     * @param strip whether to strip surrounding white space
     * @return the value or the default
     */
    public final String getArgument(String name, String defaultValue, boolean strip) {
        List<String> body = arguments.body().get(name);
        if (body != null && !body.isEmpty()) {
            return clean(body.get(body.size() - 1), strip);
        }
        return last(arguments.query(), name, defaultValue, strip);
    }

    /**
     * All values of an argument, query values first, then body values, cleaned and stripped. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getArguments(String name) {
        List<String> values = new ArrayList<>(all(arguments.query(), name));
        values.addAll(all(arguments.body(), name));
        return values;
    }

    /**
     * The last value of a query-string argument. Any thread.
     *
     * @param name the argument name
     * @return the value
     * @throws MissingArgumentError (400) when the argument was not sent
     */
    public final String getQueryArgument(String name) {
        return required(name, getQueryArgument(name, null));
    }

    /**
     * The last value of a query-string argument, or a default. Any thread.
     *
     * @param name the argument name
     * @param defaultValue returned when it was not sent
     * @return the value or the default
     */
    public final String getQueryArgument(String name, String defaultValue) {
        return last(arguments.query(), name, defaultValue, true);
    }

    /**
     * All values of a query-string argument. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getQueryArguments(String name) {
        return all(arguments.query(), name);
    }

    /**
     * The last value of a body argument (urlencoded or multipart form). Any thread.
     *
     * @param name the argument name
     * @return the value
     * @throws MissingArgumentError (400) when the argument was not sent
     */
    public final String getBodyArgument(String name) {
        return required(name, getBodyArgument(name, null));
    }

    /**
     * The last value of a body argument, or a default. Any thread.
     *
     * @param name the argument name
     * @param defaultValue returned when it was not sent
     * @return the value or the default
     */
    public final String getBodyArgument(String name, String defaultValue) {
        return last(arguments.body(), name, defaultValue, true);
    }

    /**
     * All values of a body argument. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getBodyArguments(String name) {
        return all(arguments.body(), name);
    }

    /**
     * Files uploaded under a form field name ({@code multipart/form-data}). Any thread.
     *
     * @param name the form field name
     * @return the files, empty when none
     */
    public final List<UploadedFile> getFiles(String name) {
        return arguments.files().getOrDefault(name, List.of());
    }

    private static String required(String name, String value) {
        if (value == null) {
            throw new MissingArgumentError(name);
        }
        return value;
    }

    private static String last(Map<String, List<String>> source, String name, String defaultValue, boolean strip) {
        List<String> values = source.get(name);
        return values == null || values.isEmpty() ? defaultValue : clean(values.get(values.size() - 1), strip);
    }

    private static List<String> all(Map<String, List<String>> source, String name) {
        List<String> values = source.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>(values.size());
        for (String value : values) {
            cleaned.add(clean(value, true));
        }
        return cleaned;
    }

    /** Tornado's rule: control characters other than white space become spaces, then optionally strip. */
    private static String clean(String value, boolean strip) {
        String result = value;
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            if (c <= 0x08 || (c >= 0x0e && c <= 0x1f)) {
                char[] chars = result.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] <= 0x08 || (chars[j] >= 0x0e && chars[j] <= 0x1f)) {
                        chars[j] = ' ';
                    }
                }
                result = new String(chars);
                break;
            }
        }
        return strip ? result.strip() : result;
    }

    // ---------------------------------------------------------------- response output

    /**
     * The response status. IOLoop thread (a value set off the loop shows once the loop ran it).
     *
     * @return the status code
     */
    public final int getStatus() {
        return status;
    }

    /**
     * Sets the response status with its standard reason ({@code Unknown} for codes without one). Any thread.
     *
     * @param code the status code
     */
    public final void setStatus(int code) {
        setStatus(code, null);
    }

    /**
     * Sets the response status and reason phrase. A reason with characters not allowed in a status line, or
     * containing {@code <}, is replaced by {@code Unknown}. Any thread.
     *
     * @param code the status code, 100 to 999
     * @param reasonPhrase the reason, or null for the standard one
     */
    public final void setStatus(int code, String reasonPhrase) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("invalid HTTP status " + code);
        }
        String phrase = reasonPhrase == null ? HttpStatusReasons.reason(code)
                : validReason(reasonPhrase) ? reasonPhrase : "Unknown";
        if (loop.inLoop()) {
            status = code;
            reason = phrase;
        } else {
            loop.execute(() -> {
                status = code;
                reason = phrase;
            });
        }
    }

    private static boolean validReason(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets a response header, replacing earlier values. Values may be strings, numbers or dates (written as HTTP
     * dates). Any thread.
     *
     * @param name the header name
     * @param value the value
     * @throws IllegalArgumentException when the name is not a token or the value contains CR, LF or other
     *         control characters (no response splitting)
     */
    public final void setHeader(CharSequence name, Object value) {
        putHeader(HeaderChecks.name(name), HeaderChecks.value(value));
    }

    /**
     * Sets a header whose name and value are already known to be safe: checked by {@link #setHeader}, or constants
     * of this class (so the headers the framework sets itself are not checked character by character). Any thread.
     */
    private void putHeader(CharSequence name, CharSequence value) {
        if (loop.inLoop()) {
            headers.set(name, value);
        } else {
            loop.execute(() -> headers.set(name, value));
        }
    }

    /**
     * Adds a value to a response header, keeping earlier ones. Any thread.
     *
     * @param name the header name
     * @param value the value
     * @throws IllegalArgumentException as {@link #setHeader}
     */
    public final void addHeader(CharSequence name, Object value) {
        CharSequence checkedName = HeaderChecks.name(name);
        CharSequence text = HeaderChecks.value(value);
        onLoop(() -> headers.add(checkedName, text));
    }

    /**
     * Removes a response header. Any thread.
     *
     * @param name the header name
     */
    public final void clearHeader(CharSequence name) {
        onLoop(() -> headers.remove(name));
    }

    /**
     * The response headers set so far (defaults, {@link #setDefaultHeaders()}, {@code setHeader} calls), for
     * subclasses that answer outside the usual response, such as a WebSocket handshake. IOLoop thread.
     *
     * @return the live headers
     */
    protected final HttpHeaders responseHeaders() {
        return headers;
    }

    /**
     * A response header set so far. IOLoop thread.
     *
     * @param name the header name
     * @return its first value, or null
     */
    public final String getResponseHeader(CharSequence name) {
        return headers.get(name);
    }

    /**
     * Resets headers (to the defaults and {@link #setDefaultHeaders()}), body buffer and status (200), Tornado's
     * {@code clear}. Any thread.
     */
    public final void clear() {
        onLoop(() -> resetResponse(System.nanoTime()));
    }

    /** Tornado's {@code clear}, with the {@code Date} of the {@code System.nanoTime()} reading given. */
    private void resetResponse(long dateNanos) {
        headers = ResponseWriter.newHeaders();
        headers.set(SERVER_HEADER, SERVER);
        headers.set(CONTENT_TYPE, TEXT_HTML);
        headers.set(DATE, HttpDates.at(dateNanos));
        status = 200;
        reason = "OK";
        releaseBuffer();
        setDefaultHeaders();
    }

    /**
     * Appends text (UTF-8) to the response body; nothing is sent before {@link #flush()} or {@link #finish()}.
     * Any thread. After a disconnect it does nothing.
     *
     * @param chunk the text
     * @throws IllegalStateException after {@code finish()} (a programming error)
     */
    public final void write(String chunk) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                appendUtf8(chunk);
            } else {
                loop.execute(() -> appendUtf8(chunk));
            }
        }
    }

    /**
     * Appends bytes to the response body; the array is copied when called off the loop. Any thread.
     *
     * @param chunk the bytes
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(byte[] chunk) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                appendBytes(chunk);
            } else {
                byte[] copy = chunk.clone();
                loop.execute(() -> appendBytes(copy));
            }
        }
    }

    /**
     * Appends {@code length} bytes of {@code chunk} from {@code offset}; they are copied when called off the loop,
     * so a reader may reuse its array for the next chunk. Any thread.
     *
     * @param chunk the array
     * @param offset first byte to write
     * @param length number of bytes
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(byte[] chunk, int offset, int length) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                if (!closed) {
                    buffer().writeBytes(chunk, offset, length);
                }
            } else {
                byte[] copy = Arrays.copyOfRange(chunk, offset, offset + length);
                loop.execute(() -> appendBytes(copy));
            }
        }
    }

    /**
     * Appends the readable bytes of a buffer to the response body. The bytes are copied and the caller keeps
     * ownership of the buffer (release it as usual). Any thread.
     *
     * @param chunk the bytes to copy
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(ByteBuf chunk) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                if (!closed) {
                    buffer().writeBytes(chunk, chunk.readerIndex(), chunk.readableBytes());
                }
            } else {
                byte[] copy = ByteBufUtil.getBytes(chunk);
                loop.execute(() -> appendBytes(copy));
            }
        }
    }

    /**
     * Appends a value: strings, byte arrays and buffers as by the other {@code write} methods, anything else
     * (a map, a record, a bean) as JSON with {@code Content-Type: application/json; charset=UTF-8}. Like
     * Tornado, a top-level list or array is refused (JSON hijacking); wrap it in an object. Any thread.
     *
     * @param chunk the value
     * @throws IllegalArgumentException for a list or array
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(Object chunk) {
        if (chunk instanceof String) {
            write((String) chunk);
        } else if (chunk instanceof byte[]) {
            write((byte[]) chunk);
        } else if (chunk instanceof ByteBuf) {
            write((ByteBuf) chunk);
        } else {
            if (chunk instanceof Collection || (chunk != null && chunk.getClass().isArray())) {
                throw new IllegalArgumentException("write() refuses lists and arrays as JSON (JSON hijacking); "
                        + "wrap them in an object");
            }
            if (loop.inLoop() && !closed && !finishCalled) {
                appendJson(chunk);
                putHeader(CONTENT_TYPE, APPLICATION_JSON);
            } else {
                byte[] json = application.jsonMapper().writeValueAsBytes(chunk);
                putHeader(CONTENT_TYPE, APPLICATION_JSON);
                write(json);
            }
        }
    }

    /**
     * Serializes a value as JSON straight into the response buffer (no intermediate array); when serialization
     * fails the buffer is left as it was. IOLoop thread.
     */
    private void appendJson(Object value) {
        boolean fresh = buffer == null;
        ByteBuf out = buffer();
        int start = out.writerIndex();
        try {
            application.jsonMapper().writeValue((OutputStream) new ByteBufOutputStream(out), value);
        } catch (RuntimeException | Error e) {
            if (fresh) {
                releaseBuffer();
            } else {
                out.writerIndex(start);
            }
            throw e;
        }
    }

    private boolean checkWritable() {
        if (closed) {
            return false;
        }
        if (finishCalled) {
            throw new IllegalStateException("Cannot write() after finish()");
        }
        return true;
    }

    private void appendUtf8(String chunk) {
        if (!closed) {
            ByteBufUtil.writeUtf8(buffer(), chunk);
        }
    }

    private void appendBytes(byte[] chunk) {
        if (!closed) {
            buffer().writeBytes(chunk);
        }
    }

    private ByteBuf buffer() {
        if (buffer == null) {
            buffer = writer.newBody();
        }
        return buffer;
    }

    private ByteBuf takeBuffer() {
        ByteBuf taken = buffer;
        buffer = null;
        return taken;
    }

    private void releaseBuffer() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /**
     * Sends what was written so far (the headers first, on the first call) and returns a future completed on the
     * IOLoop once the bytes reached the socket: wait on it before writing more to stream without buffering.
     * Any thread.
     *
     * @return completed when written; failed with {@link StreamClosedException} when the client is gone
     */
    public final CompletableFuture<Void> flush() {
        if (loop.inLoop()) {
            return doFlush();
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        loop.execute(() -> relay(doFlush(), result));
        return result;
    }

    private CompletableFuture<Void> doFlush() {
        if (closed) {
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        if (finished) {
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot flush() after finish()"));
        }
        if (!headersWritten) {
            headersWritten = true;
            addNewCookies();
            writer.writeHead(responseStatus(), headers);
        }
        ByteBuf chunk = takeBuffer();
        return chunk == null ? CompletableFuture.completedFuture(null) : completion(writer.writeChunk(chunk));
    }

    /**
     * Writes {@code chunk} (as {@link #write(Object)}) and finishes the response. Any thread.
     *
     * @param chunk the last piece of the body
     * @return as {@link #finish()}
     */
    public final CompletableFuture<Void> finish(Object chunk) {
        write(chunk);
        return finish();
    }

    /**
     * Ends the response: sends the headers (with {@code Content-Length} when nothing was flushed) and the body,
     * logs the request and runs {@link #onFinish()}. Called automatically after the verb method unless the
     * handler finished already. Any thread.
     *
     * @return completed on the IOLoop when the bytes reached the socket; failed with
     *         {@link StreamClosedException} when the client is gone
     * @throws IllegalStateException when called twice (a programming error)
     */
    public final CompletableFuture<Void> finish() {
        if (closed) {
            onLoop(this::finishAfterClose);
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        if (finishCalled) {
            throw new IllegalStateException("finish() called twice");
        }
        finishCalled = true;
        if (loop.inLoop()) {
            return doFinish();
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        loop.execute(() -> relay(doFinish(), result));
        return result;
    }

    private CompletableFuture<Void> doFinish() {
        return doFinish(true);
    }

    /** Ends the response; returns its completion future when {@code wantFuture}, else null. IOLoop thread. */
    private CompletableFuture<Void> doFinish(boolean wantFuture) {
        if (closed) {
            finishAfterClose();
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        if (!headersWritten && contentLengthMismatch()) {
            IllegalStateException mismatch = new IllegalStateException("Content-Length " + headers.get(CONTENT_LENGTH)
                    + " does not match the " + (buffer == null ? 0 : buffer.readableBytes()) + " bytes written");
            APP_LOG.error("{} in {}", mismatch.getMessage(), summary());
            finishCalled = false;
            doSendError(500, mismatch);
            return CompletableFuture.failedFuture(new IllegalStateException("Content-Length mismatch"));
        }
        finished = true;
        ChannelFuture written;
        if (!headersWritten) {
            applyConditionalGet();
            headersWritten = true;
            addNewCookies();
            if (wantFuture) {
                written = writer.writeFull(responseStatus(), headers, takeBuffer());
            } else {
                writer.sendFull(responseStatus(), headers, takeBuffer());
                written = null;
            }
        } else {
            written = writer.finish(takeBuffer());
        }
        return logAndComplete(written, wantFuture);
    }

    private CompletableFuture<Void> logAndComplete(ChannelFuture written, boolean wantFuture) {
        reportFinished();
        runOnFinish();
        return wantFuture ? completion(written) : null;
    }

    /**
     * Tornado's automatic ETag in {@code finish}: a 200 answer to GET or HEAD without an ETag gets
     * {@link #computeEtag()}'s, and becomes 304 without body when {@code If-None-Match} matches. Responses that
     * have no body lose their representation headers (RFC 9110 15.4.5).
     */
    private void applyConditionalGet() {
        String method = request.method();
        if (status == 200 && (method.equals("GET") || method.equals("HEAD")) && !headers.contains(ETAG)) {
            String etag = putComputedEtag();
            if (IfNoneMatch.matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), etag)) {
                releaseBuffer();
                status = 304;
                reason = HttpStatusReasons.reason(304);
            }
        }
        if (status == 304 || status == 204 || status < 200) {
            for (AsciiString name : REPRESENTATION_HEADERS) {
                headers.remove(name);
            }
        }
    }

    private void addNewCookies() {
        if (newCookies != null) {
            for (String line : newCookies.values()) {
                headers.add(SET_COOKIE, line);
            }
        }
    }

    /**
     * Ends the response with {@code length} bytes of a file from {@code offset} as the body (see
     * {@link ResponseWriter#writeFile}): status and headers as set, {@code Content-Length} from {@code length}, no
     * automatic ETag. Takes ownership of the file. IOLoop thread.
     */
    final CompletableFuture<Void> sendFile(FileChannel file, long offset, long length) {
        if ((finishCalled || headersWritten) && !closed) {
            closeQuietly(file);
            throw new IllegalStateException(finishCalled ? "finish() called twice" : "headers already written");
        }
        finishCalled = true;
        if (closed) {
            closeQuietly(file);
            finishAfterClose();
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        finished = true;
        releaseBuffer();
        headersWritten = true;
        addNewCookies();
        return logAndComplete(writer.writeFile(responseStatus(), headers, file, offset, length), true);
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            GENERAL_LOG.debug("cannot close a file: {}", e.toString());
        }
    }

    /** A Content-Length the handler set that differs from the buffered body (HEAD and bodiless statuses aside). */
    private boolean contentLengthMismatch() {
        String declared = headers.get(CONTENT_LENGTH);
        if (declared == null || request.method().equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return false;
        }
        long written = buffer == null ? 0 : buffer.readableBytes();
        try {
            return Long.parseLong(declared.trim()) != written;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Access log line and request listeners, inside the request's observation scope; then ends the observation. */
    private void reportFinished() {
        if (observed == null) {
            logAndNotify();
            return;
        }
        try (RequestObservation.Scope scope = observed.openScope()) {
            logAndNotify();
        }
        observed.finished(status);
    }

    private void logAndNotify() {
        if (application.accessLog()) {
            AccessLog.log(status, request);
        }
        notifyRequestListeners();
    }

    private void notifyRequestListeners() {
        List<RequestListener> listeners = application.requestListeners();
        if (listeners.isEmpty()) {
            return;
        }
        long duration = System.nanoTime() - request.startNanos();
        for (RequestListener listener : listeners) {
            try {
                listener.requestFinished(routePattern, request.method(), status, duration);
            } catch (Throwable e) {
                APP_LOG.error("Exception in request listener for {}", summary(), e);
            }
        }
    }

    private HttpResponseStatus responseStatus() {
        HttpResponseStatus standard = HttpResponseStatus.valueOf(status);
        return standard.reasonPhrase().equals(reason) ? standard : new HttpResponseStatus(status, reason);
    }

    /**
     * Redirects with 302 Found. Any thread.
     *
     * @param url the target, absolute or relative
     */
    public final void redirect(String url) {
        redirect(url, false);
    }

    /**
     * Redirects with 301 Moved Permanently or 302 Found, then finishes. Any thread.
     *
     * @param url the target
     * @param permanent true for 301
     */
    public final void redirect(String url, boolean permanent) {
        redirect(url, permanent ? 301 : 302);
    }

    /**
     * Redirects with the given 3xx status, then finishes. Any thread.
     *
     * @param url the target
     * @param status a status from 300 to 399
     * @throws IllegalStateException when headers were already sent
     */
    public final void redirect(String url, int status) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("redirect status must be 3xx: " + status);
        }
        if (loop.inLoop() && headersWritten) {
            throw new IllegalStateException("Cannot redirect after headers have been written");
        }
        setStatus(status);
        setHeader(LOCATION, url);
        finish();
    }

    /**
     * Answers with an error page for the status (see {@link #writeError}), discarding unsent output. Any thread.
     *
     * @param status the HTTP status
     */
    public final void sendError(int status) {
        sendError(status, null);
    }

    /**
     * Answers with an error page, passing the cause to {@link #writeError}. If the headers were already sent,
     * the connection is closed instead (the client sees a truncated response). Any thread.
     *
     * @param status the HTTP status
     * @param error the cause, or null; an {@link HttpError}'s custom reason is used
     */
    public final void sendError(int status, Throwable error) {
        onLoop(() -> doSendError(status, error));
    }

    private void doSendError(int code, Throwable error) {
        if (observed != null) {
            observed.error(error);
        }
        if (closed) {
            finishAfterClose();
            return;
        }
        if (headersWritten) {
            GENERAL_LOG.error("Cannot send error response after headers written: {}", summary());
            if (!finished) {
                finished = true;
                finishCalled = true;
                releaseBuffer();
                writer.abort();
                if (observed != null) {
                    observed.finished(status);
                }
                runOnFinish();
            }
            return;
        }
        clear();
        setStatus(code, error instanceof HttpError ? ((HttpError) error).reason() : null);
        if (code == 405 && allowOn405 != null && !allowOn405.isEmpty()) {
            headers.set(ALLOW, allowOn405);
        }
        try {
            writeError(code, error);
        } catch (Throwable e) {
            APP_LOG.error("Uncaught exception in writeError of {}", summary(), e);
            releaseBuffer();
        }
        if (!finishCalled) {
            finish();
        }
    }

    /**
     * Tells whether {@code finish()} was called. Any thread.
     *
     * @return true once finishing
     */
    public final boolean isFinished() {
        return finishCalled;
    }

    /**
     * Tells whether the client went away before the response was finished. Any thread.
     *
     * @return true after a disconnect
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Switches the connection to another protocol instead of answering with an HTTP response (Tornado's
     * {@code detach}, used by {@code WebSocketHandler}): the request counts as finished (logged with
     * {@code status}), nothing more is written as HTTP, and {@code handover} gets the channel. IOLoop thread.
     *
     * @param status the status to log, e.g. 101
     * @param handover answers the handshake and installs the new protocol's handlers
     * @return the future {@code handover} returned
     * @throws IllegalStateException when output was already sent
     */
    protected final ChannelFuture upgradeConnection(int status, Function<Channel, ChannelFuture> handover) {
        if (headersWritten || finishCalled) {
            throw new IllegalStateException("Cannot upgrade a connection after output was sent");
        }
        finishCalled = true;
        finished = true;
        headersWritten = true;
        this.status = status;
        releaseBuffer();
        ChannelFuture switched = writer.upgrade(handover);
        reportFinished();
        return switched;
    }

    /**
     * The IOLoop this handler is confined to. Any thread.
     *
     * @return the loop
     */
    public final IOLoop ioLoop() {
        return loop;
    }

    /**
     * Runs blocking work on the application's executor; the returned future completes on this handler's IOLoop,
     * so code chained on it may write to the response directly. A full executor queue gives a future failed with
     * {@code HttpError(503)}. Any thread.
     *
     * @param task the blocking work
     * @param <T> the result type
     * @return the future of the task's result, completed on the IOLoop
     */
    public final <T> CompletableFuture<T> runOnExecutor(Callable<T> task) {
        try {
            return application.executor().submit(task, loop);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new HttpError(503, null, "executor queue is full"));
        }
    }

    /**
     * Runs blocking work without a result on the application's executor; see {@link #runOnExecutor(Callable)}.
     * Any thread.
     *
     * @param task the blocking work
     * @return a future completed on the IOLoop when the task ended
     */
    public final CompletableFuture<Void> runOnExecutor(Runnable task) {
        return runOnExecutor(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Shortcut for {@code application().reverseUrl(name, args)}. Any thread.
     *
     * @param name the route's name
     * @param args its group values
     * @return the path
     */
    public final String reverseUrl(String name, Object... args) {
        return application.reverseUrl(name, args);
    }

    // ---------------------------------------------------------------- ETag

    /**
     * The ETag of the response being finished, Tornado's {@code compute_etag}: by default the application's
     * {@link EtagPolicy} applied to the buffered body (SHA-1, strong or weak, or none). Called on the IOLoop when a
     * 200 answer to GET or HEAD is finished without having been flushed or given an {@code Etag} header. Override
     * to tag differently, or return null to turn ETags (and the automatic 304) off for this handler, e.g. for
     * pages whose logic changes while their bytes do not (seed 000).
     *
     * @return the quoted tag, or null for none
     */
    protected String computeEtag() {
        return application.etagPolicy().etagFor(buffer);
    }

    /**
     * Sets the {@code Etag} header from {@link #computeEtag()} (nothing when it returns null), Tornado's
     * {@code set_etag_header}; call it with {@link #checkEtagHeader()} to answer 304 before doing expensive work.
     * IOLoop thread.
     */
    protected final void setEtagHeader() {
        putComputedEtag();
    }

    /** Sets the {@code Etag} header from {@link #computeEtag} and returns the tag (null: none). IOLoop thread. */
    private String putComputedEtag() {
        String etag = computeEtag();
        if (etag != null) {
            putHeader(ETAG, HeaderChecks.value(etag));
        }
        return etag;
    }

    /**
     * Tells whether the request's {@code If-None-Match} matches the {@code Etag} header set so far, Tornado's
     * {@code check_etag_header}: a list of tags, {@code *}, weak comparison. IOLoop thread.
     *
     * @return true when a 304 should be answered
     */
    protected final boolean checkEtagHeader() {
        return IfNoneMatch.matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), headers.get(ETAG));
    }

    // ---------------------------------------------------------------- cookies

    /**
     * The cookies the request carries, by name (Tornado's {@code self.cookies}); cookies set in this response are
     * not among them. Quoted values are unquoted; of two cookies with one name the last wins. Any thread.
     *
     * @return an unmodifiable map
     */
    public final Map<String, String> cookies() {
        Map<String, String> parsed = requestCookies;
        if (parsed == null) {
            parsed = Collections.unmodifiableMap(CookieCodec.parse(request.headers()));
            requestCookies = parsed;
        }
        return parsed;
    }

    /**
     * A cookie of the request, Tornado's {@code get_cookie}. Any thread.
     *
     * @param name the cookie name
     * @return its value, or null when the request has none
     */
    public final String getCookie(String name) {
        return cookies().get(name);
    }

    /**
     * A cookie of the request, or a default. Any thread.
     *
     * @param name the cookie name
     * @param defaultValue returned when the request has none
     * @return the value or the default
     */
    public final String getCookie(String name, String defaultValue) {
        return cookies().getOrDefault(name, defaultValue);
    }

    /**
     * Sets a session cookie with path {@code /}: {@code Set-Cookie: name=value; Path=/}. Any thread.
     *
     * @param name the cookie name
     * @param value the value; quoted on the wire when it has characters outside the cookie token set
     * @throws IllegalArgumentException as {@link #setCookie(String, String, CookieOptions)}
     */
    public final void setCookie(String name, String value) {
        setCookie(name, value, CookieOptions.defaults());
    }

    /**
     * Sets a cookie, Tornado's {@code set_cookie}, e.g.
     * {@code name=value; Domain=foo.com; expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Max-Age=10; Path=/;
     * SameSite=Lax; Secure}. A cookie with a lifetime gets both {@code expires} and {@code Max-Age}. Setting the
     * same name again replaces the earlier cookie. The header is added when the response head is written, error
     * pages included. Any thread; the arguments are checked on the calling thread.
     *
     * @param name the cookie name: a token, not an attribute name such as {@code path}
     * @param value the value: no white space, control characters or characters beyond Latin-1; others outside
     *        the token set (such as {@code ;}, {@code "}, {@code =}) are quoted and escaped as Python does
     * @param options path, domain, lifetime and flags
     * @throws IllegalArgumentException for an invalid name or value (nothing is set)
     */
    public final void setCookie(String name, String value, CookieOptions options) {
        String line = CookieCodec.setCookie(name, value, options, application.clock().instant());
        onLoop(() -> {
            if (newCookies == null) {
                newCookies = new LinkedHashMap<>();
            }
            newCookies.remove(name);
            newCookies.put(name, line);
        });
    }

    /**
     * Deletes a cookie set with path {@code /} and no domain. Any thread.
     *
     * @param name the cookie name
     */
    public final void clearCookie(String name) {
        clearCookie(name, CookieOptions.defaults());
    }

    /**
     * Deletes a cookie, Tornado's {@code clear_cookie}: an empty value that expired a year ago, {@code Max-Age=0}.
     * Path and domain (and for {@code SameSite=None} cookies, {@code Secure}) must be those the cookie was set
     * with; the lifetime of {@code options} is ignored. Any thread.
     *
     * @param name the cookie name
     * @param options the path, domain and flags the cookie was set with
     */
    public final void clearCookie(String name, CookieOptions options) {
        Instant past = application.clock().instant().minus(CLEARED_COOKIE_AGE);
        setCookie(name, "", options.maxAge(null).expires(past));
    }

    /**
     * Deletes every cookie the request carries (with path {@code /} and no domain), Tornado's
     * {@code clear_all_cookies}. Names that are not valid cookie tokens are skipped. Any thread.
     */
    public final void clearAllCookies() {
        clearAllCookies(CookieOptions.defaults());
    }

    /**
     * Deletes every cookie the request carries, with the given path, domain and flags. Any thread.
     *
     * @param options the path, domain and flags the cookies were set with
     */
    public final void clearAllCookies(CookieOptions options) {
        for (String name : cookies().keySet()) {
            if (CookieCodec.isValidName(name)) {
                clearCookie(name, options);
            }
        }
    }

    /**
     * Sets a signed, timestamped cookie that lives 30 days in the browser, Tornado's {@code set_signed_cookie}.
     * Python Tornado with the same cookie secret reads it. Any thread.
     *
     * @param name the cookie name (bound into the signature)
     * @param value the value, signed as UTF-8
     * @throws IllegalStateException when the application has no cookie secret
     */
    public final void setSignedCookie(String name, String value) {
        setSignedCookie(name, value, CookieOptions.defaults().expiresDays(30));
    }

    /**
     * Sets a signed, timestamped cookie with the given attributes (no lifetime: a session cookie). Any thread.
     *
     * @param name the cookie name (bound into the signature)
     * @param value the value, signed as UTF-8
     * @param options path, domain, lifetime and flags
     * @throws IllegalStateException when the application has no cookie secret
     */
    public final void setSignedCookie(String name, String value, CookieOptions options) {
        setCookie(name, application.signedValues().create(name, value.getBytes(StandardCharsets.UTF_8)), options);
    }

    /**
     * The value of a signed cookie of the request, Tornado's {@code get_signed_cookie}, if its signature is valid
     * and it is not older than the application's {@code signedCookieMaxAge} (31 days by default). Any thread.
     *
     * @param name the cookie name
     * @return the value (UTF-8), or null when missing, tampered with, signed for another name or expired
     * @throws IllegalStateException when the application has no cookie secret
     */
    public final String getSignedCookie(String name) {
        return getSignedCookie(name, application.signedCookieMaxAge());
    }

    /**
     * The value of a signed cookie of the request if valid and not older than {@code maxAge}. Any thread.
     *
     * @param name the cookie name
     * @param maxAge the oldest signature accepted
     * @return the value (UTF-8), or null
     * @throws IllegalStateException when the application has no cookie secret
     */
    public final String getSignedCookie(String name, Duration maxAge) {
        byte[] value = application.signedValues().decode(name, getCookie(name), maxAge);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- XSRF

    /**
     * The XSRF token to embed in this page's forms (field {@code _xsrf}) or send as {@code X-XSRFToken}, Tornado's
     * {@code xsrf_token}: the {@code _xsrf} cookie's token, masked anew for this request (version 2). When the
     * request has no valid {@code _xsrf} cookie a new token is made and the cookie set (for 30 days when a user is
     * logged in, else for the session). The same value is returned for the rest of the request. Call it from one
     * thread at a time, normally the IOLoop.
     *
     * @return the token, e.g. {@code 2|0a1b2c3d|...|1700000000}
     */
    public final String xsrfToken() {
        if (xsrfToken == null) {
            byte[] raw = rawXsrfToken();
            xsrfToken = XsrfTokens.mask(raw, application.clock().millis() / 1000);
            if (!xsrfCookieSent) {
                xsrfCookieSent = true;
                setCookie(XsrfTokens.NAME, xsrfToken, currentUser() != null
                        ? CookieOptions.defaults().expiresDays(30) : CookieOptions.defaults());
            }
        }
        return xsrfToken;
    }

    /**
     * A hidden form field carrying {@link #xsrfToken()}, Tornado's {@code xsrf_form_html}:
     * {@code <input type="hidden" name="_xsrf" value="..."/>}. Same threading as {@link #xsrfToken()}.
     *
     * @return the HTML
     */
    public final String xsrfFormHtml() {
        return "<input type=\"hidden\" name=\"_xsrf\" value=\"" + Escape.xhtmlEscape(xsrfToken()) + "\"/>";
    }

    /**
     * Checks the request's XSRF token against its {@code _xsrf} cookie, Tornado's {@code check_xsrf_cookie}. With
     * {@link Application.Builder#xsrfCookies(boolean)} it runs on the IOLoop for POST, PUT, PATCH and DELETE
     * before {@link #prepare()}. The token is the {@code _xsrf} argument (query or body), else the
     * {@code X-XSRFToken} or {@code X-CSRFToken} header. Override to exempt a handler (as {@link ErrorHandler}
     * does), or call it yourself.
     *
     * @throws HttpError 403 when the token is missing, malformed or not the cookie's
     */
    protected void checkXsrfCookie() {
        String token = getArgument(XsrfTokens.NAME, null);
        if (token == null || token.isEmpty()) {
            token = request.headers().get("X-Xsrftoken");
        }
        if (token == null || token.isEmpty()) {
            token = request.headers().get("X-Csrftoken");
        }
        if (token == null || token.isEmpty()) {
            throw new HttpError(403, null, "'_xsrf' argument missing from POST");
        }
        byte[] submitted = XsrfTokens.decode(token);
        if (submitted == null) {
            throw new HttpError(403, null, "'_xsrf' argument has invalid format");
        }
        if (!XsrfTokens.sameToken(submitted, rawXsrfToken())) {
            throw new HttpError(403, null, "XSRF cookie does not match POST argument");
        }
    }

    /** The token of the {@code _xsrf} cookie, or a new one (then {@link #xsrfToken()} sets the cookie). */
    private byte[] rawXsrfToken() {
        if (rawXsrfToken == null) {
            String cookie = getCookie(XsrfTokens.NAME);
            byte[] fromCookie = cookie == null ? null : XsrfTokens.decode(cookie);
            xsrfCookieSent = fromCookie != null;
            rawXsrfToken = fromCookie != null ? fromCookie : XsrfTokens.newToken();
        }
        return rawXsrfToken;
    }

    // ---------------------------------------------------------------- authentication and access

    /**
     * Determines the logged-in user, Tornado's {@code get_current_user}; called at most once per request, by
     * {@link #currentUser()}. Returns null (anonymous) by default. Override, typically reading a signed cookie:
     * {@code return getSignedCookie("user");}. IOLoop thread, or whichever thread first asks for the user.
     *
     * @return the user, or null when anonymous
     */
    protected Object getCurrentUser() {
        return null;
    }

    /**
     * The logged-in user of this request, Tornado's {@code current_user}: {@link #getCurrentUser()}'s answer,
     * cached, unless {@link #setCurrentUser} set one (e.g. in {@code prepare} after an asynchronous lookup).
     * Any thread.
     *
     * @return the user, or null when anonymous
     */
    public final Object currentUser() {
        if (!currentUserKnown) {
            currentUser = getCurrentUser();
            currentUserKnown = true;
        }
        return currentUser;
    }

    /**
     * Sets the logged-in user for the rest of the request. Any thread.
     *
     * @param user the user, or null for anonymous
     */
    public final void setCurrentUser(Object user) {
        currentUser = user;
        currentUserKnown = true;
    }

    /**
     * Where {@link Authenticated} sends anonymous users, Tornado's {@code get_login_url}: the application's
     * {@code loginUrl} by default. Override to choose per request. IOLoop thread.
     *
     * @return a path or absolute URL
     */
    protected String getLoginUrl() {
        return application.loginUrl();
    }

    /**
     * The networks allowed to reach this handler, checked on the IOLoop after the application's whitelist and
     * before the XSRF check and {@link #prepare()}; another address answers 403 with one WARN line on
     * {@code tornado.general}. By default the route's init argument {@code ip_whitelist} (a {@link CidrSet}), or
     * null (no restriction) without one. An empty set lets nobody in. Override to decide in code:
     *
     * <pre>{@code
     * private static final CidrSet ADMINS = CidrSet.parse("127.0.0.1/32, ::1/128");
     * protected CidrSet ipWhitelist() { return ADMINS; }
     * }</pre>
     *
     * @return the allowed networks, or null for everybody
     * @throws IllegalStateException when the init argument is not a {@code CidrSet}
     */
    protected CidrSet ipWhitelist() {
        Object whitelist = initArgs.get("ip_whitelist");
        if (whitelist == null || whitelist instanceof CidrSet) {
            return (CidrSet) whitelist;
        }
        throw new IllegalStateException("init argument ip_whitelist must be a CidrSet, not " + whitelist.getClass());
    }

    /**
     * The versioned URL of a static file ({@code /static/js/app.js?v=<sha512>}); see
     * {@link Application#staticUrl(String)}. Any thread.
     *
     * @param path the file's path relative to the static folder
     * @return the URL
     * @throws IllegalStateException when the application serves no static folder
     */
    public final String staticUrl(String path) {
        return application.staticUrl(path);
    }

    private void onLoop(Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    /**
     * The write's outcome as a future; a write that is already done (the usual case: the socket took the bytes at
     * once) is converted without registering a listener. IOLoop thread.
     */
    private static CompletableFuture<Void> completion(ChannelFuture written) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (written.isDone()) {
            complete(result, written);
        } else {
            written.addListener(future -> complete(result, future));
        }
        return result;
    }

    private static void complete(CompletableFuture<Void> result, Future<?> written) {
        if (written.isSuccess()) {
            result.complete(null);
        } else {
            StreamClosedException closedError = new StreamClosedException("Stream is closed");
            closedError.initCause(written.cause());
            result.completeExceptionally(closedError);
        }
    }

    private static void relay(CompletableFuture<Void> source, CompletableFuture<Void> target) {
        source.whenComplete((value, error) -> {
            if (error != null) {
                target.completeExceptionally(error);
            } else {
                target.complete(null);
            }
        });
    }

    private String summary() {
        return request.method() + " " + request.uri() + " (" + request.remoteIp() + ")";
    }
}
