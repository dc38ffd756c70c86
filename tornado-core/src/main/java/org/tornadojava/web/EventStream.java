package org.tornadojava.web;

import org.tornadojava.http.StreamClosedException;
import org.tornadojava.ioloop.PeriodicCallback;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A Server-Sent Events response ({@code text/event-stream}), obtained from {@link RequestHandler#eventStream()}:
 * events, the client's reconnection delay, comments and heartbeat comments, each sent at once and acknowledged by
 * a flush future, so a producer that waits on it never buffers more than the socket accepts.
 *
 * <pre>{@code
 * class Ticks extends RequestHandler {
 *     private EventStream events;
 *
 *     public CompletionStage<Void> get() {
 *         events = eventStream().heartbeat(Duration.ofSeconds(15));
 *         String after = getLastEventId();         // resume after what the browser saw
 *         ...
 *         events.sendEvent("42", "tick", "line one\nline two");
 *         return events.done();                     // the response ends when the stream does
 *     }
 *
 *     protected void onConnectionClose() {
 *         events.close();                           // stop producing for a client that went away
 *     }
 * }
 * }</pre>
 *
 * <p>A client that stops reading is dropped after {@code tornado.server.write-timeout}; its flush futures then fail
 * with {@link StreamClosedException} and {@link RequestHandler#onConnectionClose()} runs.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread; what is sent is handed to the handler's IOLoop in call order, and the
 * futures complete on that loop. Heartbeats are sent from the loop.
 */
public final class EventStream {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String HEARTBEAT = ":\n\n";

    private final RequestHandler handler;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PeriodicCallback heartbeat;

    EventStream(RequestHandler handler) {
        this.handler = handler;
    }

    /**
     * Sends an event with only data (the browser's {@code message} event, no id). Any thread.
     *
     * @param data the payload; each line becomes a {@code data:} line
     * @return completes on the loop once the event reached the socket; fails with {@link StreamClosedException}
     *         when the client is gone
     */
    public CompletableFuture<Void> sendEvent(String data) {
        return sendEvent(null, null, data);
    }

    /**
     * Sends an event: {@code id:}, {@code event:}, then one {@code data:} line per line of {@code data} (split at
     * CR LF, CR or LF), then a blank line. Any thread.
     *
     * @param id the event id the browser reports as {@code Last-Event-ID} when it reconnects, or null for none
     * @param event the event type ({@code addEventListener(type)}), or null for {@code message}
     * @param data the payload
     * @return completes on the loop once the event reached the socket; fails with {@link StreamClosedException}
     *         when the client is gone
     * @throws IllegalArgumentException when the id or the event type contains a line break (or the id a NUL)
     */
    public CompletableFuture<Void> sendEvent(String id, String event, String data) {
        StringBuilder text = new StringBuilder(data.length() + 32);
        if (id != null) {
            requireOneLine("id", id);
            if (id.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an event id may not contain NUL");
            }
            text.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            requireOneLine("event", event);
            text.append("event: ").append(event).append('\n');
        }
        for (String line : LINE_BREAK.split(data, -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return send(text.append('\n').toString());
    }

    /**
     * Tells the browser how long to wait before reconnecting ({@code retry:}). Any thread.
     *
     * @param delay the reconnection delay
     * @return completes on the loop once it reached the socket
     */
    public CompletableFuture<Void> retry(Duration delay) {
        return send("retry: " + delay.toMillis() + "\n\n");
    }

    /**
     * Sends a comment line, which browsers ignore (proxies see traffic). Any thread.
     *
     * @param text the comment, without line breaks
     * @return completes on the loop once it reached the socket
     * @throws IllegalArgumentException when the text contains a line break
     */
    public CompletableFuture<Void> comment(String text) {
        requireOneLine("comment", text);
        return send(": " + text + "\n\n");
    }

    /**
     * Sends an empty comment every {@code interval}, on the loop, so proxies and browsers keep an idle stream open
     * and a vanished client is noticed. Stops when the stream closes; calling it again replaces the interval.
     * Any thread.
     *
     * @param interval positive
     * @return this
     */
    public EventStream heartbeat(Duration interval) {
        handler.ioLoop().addCallback(() -> {
            stopHeartbeat();
            if (closed.get()) {
                return;
            }
            heartbeat = new PeriodicCallback(handler.ioLoop(), interval, this::beat);
            heartbeat.start();
        });
        return this;
    }

    /**
     * Tells whether the stream still runs. Any thread.
     *
     * @return false once {@link #close()} was called, the client went away or a send failed
     */
    public boolean isOpen() {
        return !closed.get() && !handler.isClosed();
    }

    /**
     * Completes when the stream ended: {@link #close()} was called or the client went away. A verb method returns
     * it so the request ends with the stream. Any thread.
     *
     * @return completes normally on the loop
     */
    public CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Ends the stream: stops the heartbeat, finishes the response (nothing is sent to a client that is gone) and
     * completes {@link #done()}. Call it from {@link RequestHandler#onConnectionClose()} to stop at once for a
     * client that went away. Calling it again does nothing. Any thread.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        handler.ioLoop().addCallback(() -> {
            stopHeartbeat();
            if (!handler.isFinished()) {
                handler.finish().whenComplete((ignored, error) -> done.complete(null));
            } else {
                done.complete(null);
            }
        });
    }

    private CompletableFuture<Void> send(String text) {
        if (closed.get() || handler.isClosed()) {
            return CompletableFuture.failedFuture(new StreamClosedException("the event stream is closed"));
        }
        handler.write(text);
        CompletableFuture<Void> flushed = handler.flush();
        flushed.whenComplete((ignored, error) -> {
            if (error != null) {
                // the connection is closing: end the stream on a later turn, after onConnectionClose ran
                handler.ioLoop().callLater(Duration.ZERO, this::close);
            }
        });
        return flushed;
    }

    private void beat() {
        if (!isOpen()) {
            close();
            return;
        }
        send(HEARTBEAT);
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.stop();
            heartbeat = null;
        }
    }

    private static void requireOneLine(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event " + what + " may not contain a line break");
        }
    }
}
