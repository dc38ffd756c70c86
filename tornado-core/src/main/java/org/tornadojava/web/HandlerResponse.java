package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpDates;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.HttpStatusReasons;
import org.tornadojava.http.InvalidArgumentsException;
import org.tornadojava.http.LogText;
import org.tornadojava.http.ResponseWriter;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.ioloop.IOLoop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The response half of one {@link RequestHandler}: status, headers, the buffered body, cookies to set, and the way
 * out through the request's {@link ResponseWriter} (flush, finish, error pages, a file, a protocol switch), with the
 * automatic ETag, the access log, request listeners and {@code onFinish}. Whether the head went out or the response
 * is finished is the writer's state, read here, not kept twice; what this class adds is the handler's view:
 * {@code finish()} was called (from any thread) and the client went away before the end.
 *
 * <p>Calls from any thread are handed to the IOLoop in call order; on the loop they run at once. Package-private:
 * {@code RequestHandler}'s public methods are its API.
 */
final class HandlerResponse {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
    private static final AsciiString SERVER_HEADER = AsciiString.cached("Server");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString ALLOW = AsciiString.cached("Allow");
    private static final AsciiString TEXT_HTML = AsciiString.cached("text/html; charset=UTF-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json; charset=UTF-8");
    private static final AsciiString ETAG = AsciiString.cached("Etag");
    private static final AsciiString SET_COOKIE = AsciiString.cached("Set-Cookie");
    private static final List<AsciiString> REPRESENTATION_HEADERS = List.of(CONTENT_TYPE, CONTENT_LENGTH,
            AsciiString.cached("Content-Encoding"), AsciiString.cached("Content-Language"));
    /** The handler's response headers: what goes in is checked by {@link HeaderChecks} or a constant of this class. */
    private static final HttpHeadersFactory UNCHECKED_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private final RequestHandler handler;
    private final Application application;
    private final HttpServerRequest request;
    private final ResponseWriter writer;
    private final IOLoop loop;
    private int status;
    private String reason;
    private HttpHeaders headers;
    private ByteBuf buffer;
    private Map<String, String> newCookies;
    private String allowOn405;
    private boolean onFinishRan;
    private boolean clientClosedLogged;
    private ObservedRequest observed;
    private volatile boolean finishCalled;
    private volatile boolean closed;

    /** The response of {@code handler} to {@code request}; {@link #begin()} sets its defaults. */
    HandlerResponse(RequestHandler handler, Application application, HttpServerRequest request) {
        this.handler = handler;
        this.application = application;
        this.request = request;
        this.writer = request.writer();
        this.loop = writer.loop();
    }

    /**
     * Sets the default headers (the handler's {@code setDefaultHeaders} included) and starts watching for the client
     * going away. IOLoop thread, once the handler can reach this response.
     */
    void begin() {
        writer.onClose(this::connectionClosed);
        reset(request.startNanos());
        observed = ObservedRequest.start(application.requestObserver(), request, handler.routePattern());
    }

    /** The scope that makes the request's observation current around handler code; a shared no-op if unobserved. */
    RequestObservation.Scope observationScope() {
        return observed == null ? ObservedRequest.NO_SCOPE : observed.openScope();
    }

    IOLoop loop() {
        return loop;
    }

    /** Runs {@code action} now when on the loop, else hands it to the loop (in call order). */
    void onLoop(Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    // ---------------------------------------------------------------- state

    /** Whether {@code finish()} was called (or the response ended otherwise). Any thread. */
    boolean isFinishCalled() {
        return finishCalled;
    }

    /** Whether the client went away before the response was finished. Any thread. */
    boolean isClosed() {
        return closed;
    }

    /** Whether the head went out (flushed, finished or upgraded). IOLoop thread. */
    boolean isHeadWritten() {
        return writer.isHeadWritten();
    }

    // ---------------------------------------------------------------- status and headers

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    void setStatus(int code, String reasonPhrase) {
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

    HttpHeaders headers() {
        return headers;
    }

    /** Sets a header whose name and value are known to be safe (checked, or constants). Any thread. */
    void putHeader(CharSequence name, CharSequence value) {
        if (loop.inLoop()) {
            headers.set(name, value);
        } else {
            loop.execute(() -> headers.set(name, value));
        }
    }

    void addHeader(CharSequence name, CharSequence value) {
        onLoop(() -> headers.add(name, value));
    }

    void clearHeader(CharSequence name) {
        onLoop(() -> headers.remove(name));
    }

    /** Replaces the {@code Set-Cookie} line of the cookie {@code name}. Any thread. */
    void setCookie(String name, String line) {
        onLoop(() -> {
            if (newCookies == null) {
                newCookies = new LinkedHashMap<>();
            }
            newCookies.remove(name);
            newCookies.put(name, line);
        });
    }

    void clear() {
        onLoop(() -> reset(System.nanoTime()));
    }

    /** Tornado's {@code clear}, with the {@code Date} of the {@code System.nanoTime()} reading given. */
    private void reset(long dateNanos) {
        headers = UNCHECKED_HEADERS.newHeaders();
        AsciiString server = application.serverHeader();
        if (server != null) {
            headers.set(SERVER_HEADER, server);
        }
        headers.set(CONTENT_TYPE, TEXT_HTML);
        headers.set(DATE, HttpDates.at(dateNanos));
        status = 200;
        reason = "OK";
        releaseBuffer();
        handler.setDefaultHeaders();
    }

    // ---------------------------------------------------------------- body

    /** The body buffered so far, or null. IOLoop thread. */
    ByteBuf body() {
        return buffer;
    }

    void write(String chunk) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                appendUtf8(chunk);
            } else {
                loop.execute(() -> appendUtf8(chunk));
            }
        }
    }

    void write(byte[] chunk) {
        if (checkWritable()) {
            if (loop.inLoop()) {
                appendBytes(chunk);
            } else {
                byte[] copy = chunk.clone();
                loop.execute(() -> appendBytes(copy));
            }
        }
    }

    void write(byte[] chunk, int offset, int length) {
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

    void write(ByteBuf chunk) {
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

    /** {@code RequestHandler.write(Object)}: text, bytes and buffers as such, anything else as JSON. */
    void write(Object chunk) {
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

    // ---------------------------------------------------------------- flush and finish

    CompletableFuture<Void> flush() {
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
        if (writer.isFinished()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot flush() after finish()"));
        }
        if (!writer.isHeadWritten()) {
            addNewCookies();
            writer.writeHead(responseStatus(), headers);
        }
        ByteBuf chunk = takeBuffer();
        return chunk == null ? CompletableFuture.completedFuture(null) : completion(writer.writeChunk(chunk));
    }

    CompletableFuture<Void> finish() {
        if (closed) {
            onLoop(this::finishAfterClose);
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        if (finishCalled) {
            throw new IllegalStateException("finish() called twice");
        }
        finishCalled = true;
        if (loop.inLoop()) {
            return end(true);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        loop.execute(() -> relay(end(true), result));
        return result;
    }

    /**
     * The finish after a verb method that did not finish itself: like {@link #finish()} on the loop, but nobody
     * awaits it, so no future is made (one allocation and one listener less per request). IOLoop thread.
     */
    void autoFinish() {
        if (finishCalled) {
            return;
        }
        if (closed) {
            finishAfterClose();
            return;
        }
        finishCalled = true;
        end(false);
    }

    /**
     * Ends the response. {@code awaited} is the one place that decides whether anybody waits for the outcome: when
     * not, the whole response goes out through {@link ResponseWriter#sendFull} without a future and null is returned.
     * IOLoop thread.
     */
    private CompletableFuture<Void> end(boolean awaited) {
        if (closed) {
            finishAfterClose();
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        if (!writer.isHeadWritten() && contentLengthMismatch()) {
            IllegalStateException mismatch = new IllegalStateException("Content-Length " + headers.get(CONTENT_LENGTH)
                    + " does not match the " + (buffer == null ? 0 : buffer.readableBytes()) + " bytes written");
            APP_LOG.error("{} in {}", mismatch.getMessage(), summary());
            finishCalled = false;
            sendErrorOnLoop(500, mismatch);
            return CompletableFuture.failedFuture(new IllegalStateException("Content-Length mismatch"));
        }
        ChannelFuture written = null;
        if (writer.isHeadWritten()) {
            written = writer.finish(takeBuffer());
        } else {
            applyConditionalGet();
            addNewCookies();
            if (awaited) {
                written = writer.writeFull(responseStatus(), headers, takeBuffer());
            } else {
                writer.sendFull(responseStatus(), headers, takeBuffer());
            }
        }
        ended(status);
        return written == null ? null : completion(written);
    }

    /** The request is answered: access log, request listeners and {@code onFinish}. IOLoop thread. */
    private void ended(int loggedStatus) {
        reportFinished(loggedStatus);
        runOnFinish();
    }

    /** Access log line and request listeners, inside the request's observation scope; then ends the observation. */
    private void reportFinished(int loggedStatus) {
        if (observed == null) {
            logAndNotify(loggedStatus);
            return;
        }
        try (RequestObservation.Scope scope = observed.openScope()) {
            logAndNotify(loggedStatus);
        }
        observed.finished(loggedStatus);
    }

    private void logAndNotify(int loggedStatus) {
        if (application.accessLog()) {
            AccessLog.log(loggedStatus, request);
        }
        notifyRequestListeners(loggedStatus);
    }

    /**
     * Tornado's automatic ETag in {@code finish}: a 200 answer to GET or HEAD without an ETag gets
     * {@link RequestHandler#computeEtag()}'s, and becomes 304 without body when {@code If-None-Match} matches.
     * Responses that have no body lose their representation headers (RFC 9110 15.4.5).
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

    /** Sets the {@code Etag} header from {@code computeEtag} and returns the tag (null: none). IOLoop thread. */
    String putComputedEtag() {
        String etag = handler.computeEtag();
        if (etag != null) {
            putHeader(ETAG, HeaderChecks.value(etag));
        }
        return etag;
    }

    /** Whether the request's {@code If-None-Match} matches the {@code Etag} header set so far. IOLoop thread. */
    boolean etagMatches() {
        return IfNoneMatch.matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), headers.get(ETAG));
    }

    private void addNewCookies() {
        if (newCookies != null) {
            for (String line : newCookies.values()) {
                headers.add(SET_COOKIE, line);
            }
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

    private HttpResponseStatus responseStatus() {
        HttpResponseStatus standard = HttpResponseStatus.valueOf(status);
        return standard.reasonPhrase().equals(reason) ? standard : new HttpResponseStatus(status, reason);
    }

    /**
     * Ends the response with {@code length} bytes of a file from {@code offset} as the body (see
     * {@link ResponseWriter#writeFile}). Takes ownership of the file. IOLoop thread.
     */
    CompletableFuture<Void> sendFile(FileChannel file, long offset, long length) {
        if ((finishCalled || writer.isHeadWritten()) && !closed) {
            closeQuietly(file);
            throw new IllegalStateException(finishCalled ? "finish() called twice" : "headers already written");
        }
        finishCalled = true;
        if (closed) {
            closeQuietly(file);
            finishAfterClose();
            return CompletableFuture.failedFuture(new StreamClosedException("Stream is closed"));
        }
        releaseBuffer();
        addNewCookies();
        ChannelFuture written = writer.writeFile(responseStatus(), headers, file, offset, length);
        ended(status);
        return completion(written);
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            GENERAL_LOG.debug("cannot close a file: {}", e.toString());
        }
    }

    /** Switches the connection to another protocol; see {@code RequestHandler.upgradeConnection}. IOLoop thread. */
    ChannelFuture upgrade(int loggedStatus, Function<Channel, ChannelFuture> handover) {
        if (writer.isHeadWritten() || finishCalled) {
            throw new IllegalStateException("Cannot upgrade a connection after output was sent");
        }
        finishCalled = true;
        status = loggedStatus;
        releaseBuffer();
        ChannelFuture switched = writer.upgrade(handover);
        reportFinished(loggedStatus);
        return switched;
    }

    // ---------------------------------------------------------------- errors

    /** The 405 answer's {@code Allow} header: the verbs the handler declares. */
    void allowOn405(String allow) {
        this.allowOn405 = allow;
    }

    void sendError(int code, Throwable error) {
        onLoop(() -> sendErrorOnLoop(code, error));
    }

    private void sendErrorOnLoop(int code, Throwable error) {
        if (observed != null) {
            observed.error(error);
        }
        if (closed) {
            finishAfterClose();
            return;
        }
        if (writer.isHeadWritten()) {
            GENERAL_LOG.error("Cannot send error response after headers written: {}", summary());
            if (!writer.isFinished()) {
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
        reset(System.nanoTime());
        newCookies = null;
        setStatus(code, error instanceof HttpError ? ((HttpError) error).reason() : null);
        if (code == 405 && allowOn405 != null && !allowOn405.isEmpty()) {
            headers.set(ALLOW, allowOn405);
        }
        try {
            handler.writeError(code, error);
        } catch (Throwable e) {
            APP_LOG.error("Uncaught exception in writeError of {}", summary(), e);
            releaseBuffer();
        }
        if (!finishCalled) {
            finish();
        }
    }

    /**
     * What a handler threw (or its stage failed with) becomes the response: {@link Finish} finishes, an
     * {@link HttpError} its status, anything else a logged 500; after a disconnect, DEBUG and {@code onFinish}.
     * IOLoop thread.
     */
    void fail(Throwable thrown) {
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
        if (e instanceof InvalidArgumentsException) {
            e = new HttpError(400, e.getMessage());
        }
        if (e instanceof HttpError) {
            HttpError error = (HttpError) e;
            if (error.logMessage() != null) {
                GENERAL_LOG.warn("{} {}: {}", error.status(), summary(), LogText.escape(error.logMessage()));
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

    // ---------------------------------------------------------------- the end

    private void connectionClosed() {
        if (closed) {
            return;
        }
        closed = true;
        releaseBuffer();
        logClientClosedRequest();
        try {
            handler.onConnectionClose();
        } catch (Throwable e) {
            APP_LOG.error("Exception in onConnectionClose of {}", summary(), e);
        }
        if (observed != null) {
            observed.aborted();
        }
    }

    /** The handler is done after the client went away: release what is left and run {@code onFinish}. */
    private void finishAfterClose() {
        finishCalled = true;
        releaseBuffer();
        logClientClosedRequest();
        if (observed != null) {
            observed.aborted();
        }
        runOnFinish();
    }

    /**
     * The access line of a request whose client went away before its response was finished: once, either when the
     * connection closes or, when a failed write noticed it first, when the handler gives up.
     */
    private void logClientClosedRequest() {
        if (!clientClosedLogged && application.accessLog()) {
            AccessLog.log(AccessLog.CLIENT_CLOSED_REQUEST, request);
        }
        clientClosedLogged = true;
    }

    private void runOnFinish() {
        if (onFinishRan) {
            return;
        }
        onFinishRan = true;
        try {
            handler.onFinish();
        } catch (Throwable e) {
            APP_LOG.error("Exception in onFinish of {}", summary(), e);
        }
    }

    private void notifyRequestListeners(int loggedStatus) {
        List<RequestListener> listeners = application.requestListeners();
        if (listeners.isEmpty()) {
            return;
        }
        long duration = System.nanoTime() - request.startNanos();
        for (RequestListener listener : listeners) {
            try {
                listener.requestFinished(handler.routePattern(), request.method(), loggedStatus, duration);
            } catch (Throwable e) {
                APP_LOG.error("Exception in request listener for {}", summary(), e);
            }
        }
    }

    /** The request in one phrase for log lines: method, URI and client. */
    String summary() {
        return request.method() + " " + LogText.escape(request.uri()) + " (" + request.remoteIp() + ")";
    }

    // ---------------------------------------------------------------- futures

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
}
