package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.CidrSet;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.PercentCodec;
import org.tornadojava.http.RateLimitedLog;
import org.tornadojava.http.UploadedFile;
import org.tornadojava.http.ResponseWriter;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.locale.UserLocale;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
    private static final AsciiString LOCATION = AsciiString.cached("Location");
    private static final RateLimitedLog EXECUTOR_FULL = new RateLimitedLog(LoggerFactory.getLogger("tornado.general"),
            "executor queue is full: answering 503", Duration.ofSeconds(10));
    private static final Duration CLEARED_COOKIE_AGE = Duration.ofDays(365);
    private static final List<String> XSRF_EXEMPT = List.of("GET", "HEAD", "OPTIONS");

    private Application application;
    private HttpServerRequest request;
    private Map<String, Object> initArgs;
    private String[] pathArgs;
    private volatile Map<String, String> requestCookies;
    private volatile boolean currentUserKnown;
    private volatile Object currentUser;
    private byte[] rawXsrfToken;
    private boolean xsrfCookieSent;
    private String xsrfToken;
    private String routePattern;
    private HandlerResponse response;

    /** Subclasses get their dependencies through the constructor; the request is not available yet. */
    protected RequestHandler() {
    }

    /** The pattern of the route that chose this handler (null for the default handler), for request listeners. */
    final void routePattern(String pattern) {
        this.routePattern = pattern;
    }

    /** The pattern of the route that chose this handler, or null. */
    final String routePattern() {
        return routePattern;
    }

    // ---------------------------------------------------------------- lifecycle, called by Application

    final void start(Application application, HttpServerRequest request, Map<String, Object> initArgs,
                     String[] rawGroups, Throwable creationFailure) {
        begin(application, request, initArgs);
        try (RequestObservation.Scope scope = response.observationScope()) {
            if (creationFailure != null) {
                APP_LOG.error("Cannot create a handler for {}", response.summary(), creationFailure);
            }
            initialize(initArgs);
            beforeVerb(rawGroups);
            if (!response.isFinishCalled()) {
                invokeVerb();
            }
        } catch (Throwable e) {
            response.fail(e);
        }
    }

    /** Starts a {@link StreamRequestBody} handler when the head arrived: up to and including {@code prepare}. */
    final void startStreaming(Application application, HttpServerRequest request, Map<String, Object> initArgs,
                              String[] rawGroups) {
        begin(application, request, initArgs);
        try (RequestObservation.Scope scope = response.observationScope()) {
            initialize(initArgs);
            beforeVerb(rawGroups);
        } catch (Throwable e) {
            response.fail(e);
        }
    }

    /** Hands a piece of a streamed body to {@link #dataReceived}, unless the request is already answered. */
    final CompletionStage<?> receiveData(ByteBuf chunk) {
        if (response.isFinishCalled() || response.isClosed()) {
            return null;
        }
        try {
            return dataReceived(chunk);
        } catch (Throwable e) {
            response.fail(e);
            return null;
        }
    }

    /** The streamed body is complete: runs the verb method, unless the request is already answered. */
    final void bodyReceived() {
        if (response.isFinishCalled() || response.isClosed()) {
            return;
        }
        try (RequestObservation.Scope scope = response.observationScope()) {
            invokeVerb();
        } catch (Throwable e) {
            response.fail(e);
        }
    }

    private void begin(Application application, HttpServerRequest request, Map<String, Object> initArgs) {
        this.application = application;
        this.request = request;
        this.initArgs = initArgs;
        response = new HandlerResponse(this, application, request);
        response.begin();
    }

    private void beforeVerb(String[] rawGroups) {
        if (!HandlerMethods.SUPPORTED.contains(request.method())) {
            throw new HttpError(405);
        }
        pathArgs = decodePathArgs(rawGroups);
        CidrSet whitelist = ipWhitelist();
        if (whitelist != null && !whitelist.contains(request.remoteIp())) {
            throw new HttpError(403, "IP address not in the handler's whitelist");
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
            response.allowOn405(methods.allow());
            throw new HttpError(405);
        }
        if (verb.authenticated() && currentUser() == null) {
            refuseAnonymous(request.method());
            return;
        }
        Object result = verb.invoke(this, pathArgs);
        if (result instanceof CompletionStage) {
            ((CompletionStage<?>) result).whenComplete((value, error) -> response.onLoop(() -> verbCompleted(error)));
        } else {
            response.autoFinish();
        }
    }

    private void verbCompleted(Throwable error) {
        if (error != null) {
            response.fail(error);
        } else {
            response.autoFinish();
        }
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
                throw new HttpError(400, "Invalid unicode in path argument");
            }
        }
        return decoded;
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
            response.putHeader(HandlerResponse.CONTENT_TYPE, HandlerResponse.TEXT_PLAIN);
            write(trace.toString());
        } else if (application.errorFormat() == ErrorFormat.JSON) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("reason", response.reason());
            write(body);
        } else {
            String text = status + ": " + Escape.xhtmlEscape(response.reason());
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
        List<String> body = request.bodyArguments().get(name);
        if (body != null && !body.isEmpty()) {
            return clean(body.get(body.size() - 1), strip);
        }
        return last(request.queryArguments(), name, defaultValue, strip);
    }

    /**
     * All values of an argument, query values first, then body values, cleaned and stripped. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getArguments(String name) {
        List<String> values = new ArrayList<>(all(request.queryArguments(), name));
        values.addAll(all(request.bodyArguments(), name));
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
        return last(request.queryArguments(), name, defaultValue, true);
    }

    /**
     * All values of a query-string argument. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getQueryArguments(String name) {
        return all(request.queryArguments(), name);
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
        return last(request.bodyArguments(), name, defaultValue, true);
    }

    /**
     * All values of a body argument. Any thread.
     *
     * @param name the argument name
     * @return the values, empty when none
     */
    public final List<String> getBodyArguments(String name) {
        return all(request.bodyArguments(), name);
    }

    /**
     * Files uploaded under a form field name ({@code multipart/form-data}). Any thread.
     *
     * @param name the form field name
     * @return the files, empty when none
     */
    public final List<UploadedFile> getFiles(String name) {
        return request.files().getOrDefault(name, List.of());
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
        return response.status();
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
        response.setStatus(code, reasonPhrase);
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
        response.putHeader(HeaderChecks.name(name), HeaderChecks.value(value));
    }

    /**
     * Adds a value to a response header, keeping earlier ones. Any thread.
     *
     * @param name the header name
     * @param value the value
     * @throws IllegalArgumentException as {@link #setHeader}
     */
    public final void addHeader(CharSequence name, Object value) {
        response.addHeader(HeaderChecks.name(name), HeaderChecks.value(value));
    }

    /**
     * Removes a response header. Any thread.
     *
     * @param name the header name
     */
    public final void clearHeader(CharSequence name) {
        response.clearHeader(name);
    }

    /**
     * The response headers set so far (defaults, {@link #setDefaultHeaders()}, {@code setHeader} calls), for
     * subclasses that answer outside the usual response, such as a WebSocket handshake. IOLoop thread.
     *
     * @return the live headers
     */
    protected final HttpHeaders responseHeaders() {
        return response.headers();
    }

    /**
     * A response header set so far. IOLoop thread.
     *
     * @param name the header name
     * @return its first value, or null
     */
    public final String getResponseHeader(CharSequence name) {
        return response.headers().get(name);
    }

    /**
     * Resets headers (to the defaults and {@link #setDefaultHeaders()}), body buffer and status (200), Tornado's
     * {@code clear}. Any thread.
     */
    public final void clear() {
        response.clear();
    }

    /**
     * Appends text (UTF-8) to the response body; nothing is sent before {@link #flush()} or {@link #finish()}.
     * Any thread. After a disconnect it does nothing.
     *
     * @param chunk the text
     * @throws IllegalStateException after {@code finish()} (a programming error)
     */
    public final void write(String chunk) {
        response.write(chunk);
    }

    /**
     * Appends bytes to the response body; the array is copied when called off the loop. Any thread.
     *
     * @param chunk the bytes
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(byte[] chunk) {
        response.write(chunk);
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
        response.write(chunk, offset, length);
    }

    /**
     * Appends the readable bytes of a buffer to the response body. The bytes are copied and the caller keeps
     * ownership of the buffer (release it as usual). Any thread.
     *
     * @param chunk the bytes to copy
     * @throws IllegalStateException after {@code finish()}
     */
    public final void write(ByteBuf chunk) {
        response.write(chunk);
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
        response.write(chunk);
    }

    /**
     * Sends what was written so far (the headers first, on the first call) and returns a future completed on the
     * IOLoop once the bytes reached the socket: wait on it before writing more to stream without buffering.
     * Any thread.
     *
     * @return completed when written; failed with {@link StreamClosedException} when the client is gone
     */
    public final CompletableFuture<Void> flush() {
        return response.flush();
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
        return response.finish();
    }

    /**
     * Ends the response with {@code length} bytes of a file from {@code offset} as the body (see
     * {@link ResponseWriter#writeFile}): status and headers as set, {@code Content-Length} from {@code length}, no
     * automatic ETag. Takes ownership of the file. IOLoop thread.
     */
    final CompletableFuture<Void> sendFile(FileChannel file, long offset, long length) {
        return response.sendFile(file, offset, length);
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
        if (response.loop().inLoop() && response.isHeadWritten()) {
            throw new IllegalStateException("Cannot redirect after headers have been written");
        }
        setStatus(status);
        setHeader(LOCATION, url);
        finish();
    }

    /**
     * Answers with an error page for the status (see {@link #writeError}), discarding unsent output and the cookies
     * set so far (a request that fails sets none, unlike Tornado, which sends them with the error). Any thread.
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
        response.sendError(status, error);
    }

    /**
     * Tells whether {@code finish()} was called. Any thread.
     *
     * @return true once finishing
     */
    public final boolean isFinished() {
        return response.isFinishCalled();
    }

    /**
     * Tells whether the client went away before the response was finished. Any thread.
     *
     * @return true after a disconnect
     */
    public boolean isClosed() {
        return response.isClosed();
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
        return response.upgrade(status, handover);
    }

    /**
     * The IOLoop this handler is confined to. Any thread.
     *
     * @return the loop
     */
    public final IOLoop ioLoop() {
        return response.loop();
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
            return application.executor().submit(task, response.loop());
        } catch (RejectedExecutionException e) {
            EXECUTOR_FULL.warn(null);
            return CompletableFuture.failedFuture(new HttpError(503));
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
     * pages whose logic changes while their bytes do not.
     *
     * @return the quoted tag, or null for none
     */
    protected String computeEtag() {
        return application.etagPolicy().etagFor(response.body());
    }

    /**
     * Sets the {@code Etag} header from {@link #computeEtag()} (nothing when it returns null), Tornado's
     * {@code set_etag_header}; call it with {@link #checkEtagHeader()} to answer 304 before doing expensive work.
     * IOLoop thread.
     */
    protected final void setEtagHeader() {
        response.putComputedEtag();
    }

    /**
     * Tells whether the request's {@code If-None-Match} matches the {@code Etag} header set so far, Tornado's
     * {@code check_etag_header}: a list of tags, {@code *}, weak comparison. IOLoop thread.
     *
     * @return true when a 304 should be answered
     */
    protected final boolean checkEtagHeader() {
        return response.etagMatches();
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
        response.setCookie(name, line);
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
            throw new HttpError(403, "'_xsrf' argument missing from POST");
        }
        byte[] submitted = XsrfTokens.decode(token);
        if (submitted == null) {
            throw new HttpError(403, "'_xsrf' argument has invalid format");
        }
        if (!XsrfTokens.sameToken(submitted, rawXsrfToken())) {
            throw new HttpError(403, "XSRF cookie does not match POST argument");
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
     * The logged-in user of this request as the type {@link #getCurrentUser()} returns, so no cast is needed:
     * {@code String name = currentUser(String.class);}. Any thread.
     *
     * @param type the class of the user object
     * @param <T> the user type
     * @return the user, or null when anonymous
     * @throws ClassCastException when the user is of another type
     */
    public final <T> T currentUser(Class<T> type) {
        return type.cast(currentUser());
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

    // ---------------------------------------------------------------- templates and locale

    private HandlerTemplates templates;

    /**
     * Renders a template and finishes the response with it, Tornado's {@code render}: the namespace of
     * {@link #getTemplateNamespace()} plus the model, then the CSS and JavaScript of the UI modules the page used
     * put into its {@code <head>} and before its {@code </body>}. A template that is missing or fails answers 500
     * with one ERROR line on {@code tornado.application} naming the template and line (the details are in the page
     * in debug mode) and ends the request. IOLoop thread.
     *
     * @param name the template's name, e.g. {@code room.html}
     * @param model a {@code Map<String, ?>} or a record (its components become names), or null
     * @throws IllegalArgumentException when the model is neither a map nor a record
     */
    public final void render(String name, Object model) {
        finish(templates().render(name, model));
    }

    /**
     * Renders a template to a string, Tornado's {@code render_string}: the namespace of
     * {@link #getTemplateNamespace()} plus the model; UI modules used here add their resources to a later
     * {@link #render}. A failing template answers 500 as {@link #render} does and throws {@link Finish}, which
     * ends the request when it leaves the verb method. IOLoop thread.
     *
     * @param name the template's name
     * @param model a {@code Map<String, ?>} or a record, or null
     * @return the rendered text
     * @throws IllegalArgumentException when the model is neither a map nor a record
     */
    public final String renderString(String name, Object model) {
        return templates().renderString(name, model);
    }

    /**
     * The names every template of this handler sees, Tornado's {@code get_template_namespace}: {@code handler},
     * {@code request}, {@code current_user}, {@code locale}, and the functions {@code _} (translate: one message,
     * or singular, plural and count), {@code static_url}, {@code xsrf_form_html}, {@code reverse_url} and
     * {@code module} (a UI module by name, then its arguments), plus {@code modules}. Override to add names
     * (start from {@code super.getTemplateNamespace()}). IOLoop thread.
     *
     * @return a new mutable map
     */
    public Map<String, Object> getTemplateNamespace() {
        return templates().standardNamespace();
    }

    /**
     * The user's locale, Tornado's {@code self.locale}: {@link #getUserLocale()}, else {@link #getBrowserLocale()};
     * decided once per request. IOLoop thread.
     *
     * @return the locale
     */
    public final UserLocale locale() {
        return templates().locale();
    }

    /**
     * The locale of the logged-in user (e.g. from a profile), Tornado's {@code get_user_locale}. Returns null by
     * default, so that the browser's locale is used. Override with
     * {@code application().locales().get(user.language())}. IOLoop thread.
     *
     * @return the locale, or null to use the browser's
     */
    protected UserLocale getUserLocale() {
        return null;
    }

    /**
     * The locale the request's {@code Accept-Language} header asks for, Tornado's {@code get_browser_locale}: its
     * languages by decreasing {@code q}, the first the application supports, else the default locale. Any thread.
     *
     * @return the locale
     */
    public UserLocale getBrowserLocale() {
        return application.locales().fromAcceptLanguage(request.headers().get("Accept-Language"));
    }

    private HandlerTemplates templates() {
        if (templates == null) {
            templates = new HandlerTemplates(this);
        }
        return templates;
    }
}
