package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpDates;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.HttpStatusReasons;
import org.tornadojava.http.ResponseWriter;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.ioloop.IOLoop;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
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

    private Application application;
    private HttpServerRequest request;
    private ResponseWriter writer;
    private IOLoop loop;
    private RequestArguments arguments;
    private String[] pathArgs;
    private int status;
    private String reason;
    private HttpHeaders headers;
    private ByteBuf buffer;
    private boolean headersWritten;
    private boolean finished;
    private boolean onFinishRan;
    private String allowOn405;
    private volatile boolean finishCalled;
    private volatile boolean closed;
    private String routePattern;

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
        begin(application, request);
        try {
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

    /** Starts a {@link StreamRequestBody} handler when the head arrived: up to and including {@code prepare}. */
    final void startStreaming(Application application, HttpServerRequest request, Map<String, Object> initArgs,
                              String[] rawGroups) {
        begin(application, request);
        try {
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
        try {
            invokeVerb();
        } catch (Throwable e) {
            handleRequestException(e);
        }
    }

    private void begin(Application application, HttpServerRequest request) {
        this.application = application;
        this.request = request;
        this.writer = request.writer();
        this.loop = writer.loop();
        writer.onClose(this::connectionClosed);
        clear();
    }

    private void beforeVerb(String[] rawGroups) {
        if (!HandlerMethods.SUPPORTED.contains(request.method())) {
            throw new HttpError(405);
        }
        pathArgs = decodePathArgs(rawGroups);
        prepare();
    }

    private void invokeVerb() throws Throwable {
        HandlerMethods methods = HandlerMethods.of(getClass());
        HandlerMethods.Verb verb = methods.verb(request.method());
        if (verb == null) {
            allowOn405 = methods.allow();
            throw new HttpError(405);
        }
        Object result = verb.invoke(this, pathArgs);
        if (result instanceof CompletionStage) {
            ((CompletionStage<?>) result).whenComplete((value, error) -> onLoop(() -> verbCompleted(error)));
        } else if (!finishCalled) {
            finish();
        }
    }

    private void verbCompleted(Throwable error) {
        if (error != null) {
            handleRequestException(error);
        } else if (!finishCalled) {
            finish();
        }
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
        if (closed) {
            GENERAL_LOG.debug("{} after the client went away: {}", summary(), e.toString());
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
    }

    private void finishAfterClose() {
        if (!finished) {
            finished = true;
            finishCalled = true;
            releaseBuffer();
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
            setHeader(CONTENT_TYPE, TEXT_PLAIN);
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
        CharSequence checkedName = checkHeaderName(name);
        CharSequence text = headerValue(value);
        if (loop.inLoop()) {
            headers.set(checkedName, text);
        } else {
            loop.execute(() -> headers.set(checkedName, text));
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
        CharSequence checkedName = checkHeaderName(name);
        CharSequence text = headerValue(value);
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

    private static CharSequence checkHeaderName(CharSequence name) {
        if (name.length() == 0) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid header name " + name);
            }
        }
        return name;
    }

    private static CharSequence headerValue(Object value) {
        CharSequence text;
        if (value instanceof CharSequence) {
            text = (CharSequence) value;
        } else if (value instanceof Date) {
            text = HttpDates.format(((Date) value).getTime());
        } else if (value instanceof TemporalAccessor) {
            text = HttpDates.format(Instant.from((TemporalAccessor) value).toEpochMilli());
        } else {
            text = String.valueOf(value);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("unsafe header value " + value);
            }
        }
        return text;
    }

    /**
     * Resets headers (to the defaults and {@link #setDefaultHeaders()}), body buffer and status (200), Tornado's
     * {@code clear}. Any thread.
     */
    public final void clear() {
        onLoop(() -> {
            headers = ResponseWriter.newHeaders();
            headers.set(SERVER_HEADER, SERVER);
            headers.set(CONTENT_TYPE, TEXT_HTML);
            headers.set(DATE, HttpDates.now());
            status = 200;
            reason = "OK";
            releaseBuffer();
            setDefaultHeaders();
        });
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
            byte[] json = application.jsonMapper().writeValueAsBytes(chunk);
            setHeader(CONTENT_TYPE, APPLICATION_JSON);
            write(json);
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
            buffer = writer.alloc().buffer();
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
        ByteBuf body = takeBuffer();
        ChannelFuture written;
        if (!headersWritten) {
            headersWritten = true;
            written = writer.writeFull(responseStatus(), headers, body);
        } else {
            written = writer.finish(body);
        }
        if (application.accessLog()) {
            AccessLog.log(status, request);
        }
        notifyRequestListeners();
        runOnFinish();
        return completion(written);
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
        if (application.accessLog()) {
            AccessLog.log(status, request);
        }
        notifyRequestListeners();
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

    private void onLoop(Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    private CompletableFuture<Void> completion(ChannelFuture written) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        written.addListener(future -> {
            if (future.isSuccess()) {
                result.complete(null);
            } else {
                StreamClosedException closedError = new StreamClosedException("Stream is closed");
                closedError.initCause(future.cause());
                result.completeExceptionally(closedError);
            }
        });
        return result;
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
