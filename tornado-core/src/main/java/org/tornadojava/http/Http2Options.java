package org.tornadojava.http;

/**
 * HTTP/2 settings of an {@link HttpServer} ({@code tornado.server.http2.*}): whether h2 is offered (over TLS by ALPN,
 * and in cleartext as h2c by prior knowledge or {@code Upgrade}) and the limits each connection announces in its
 * {@code SETTINGS} frame. Defaults follow the project contract.
 *
 * <p>A plain mutable holder with fluent setters, reached through {@link HttpServerOptions#http2()}; configure it
 * before {@link HttpServer#start()}. Not thread-safe.
 */
public final class Http2Options {
    /** Default streams a client may have open at once on one connection, {@value}. */
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;
    /** Default flow-control window of each stream, {@value} bytes (64 KiB). */
    public static final int DEFAULT_INITIAL_WINDOW_SIZE = 64 * 1024;

    private boolean enabled = true;
    private boolean cleartext = true;
    private int maxConcurrentStreams = DEFAULT_MAX_CONCURRENT_STREAMS;
    private int initialWindowSize = DEFAULT_INITIAL_WINDOW_SIZE;
    private int maxHeaderListSize;

    /**
     * Whether the server speaks HTTP/2: h2 offered by ALPN on a TLS server, h2c on a cleartext one when
     * {@link #cleartext()} allows it.
     *
     * @return true by default
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Turns HTTP/2 on or off; off leaves every connection on HTTP/1.1.
     *
     * @param enabled false to serve HTTP/1.1 only
     * @return this
     */
    public Http2Options enabled(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /**
     * Whether a cleartext server accepts h2c: a connection opening with the HTTP/2 preface (prior knowledge) or a
     * first request asking for {@code Upgrade: h2c}.
     *
     * @return true by default
     */
    public boolean cleartext() {
        return cleartext;
    }

    /**
     * Allows or refuses h2c on cleartext connections; refused, such clients stay on HTTP/1.1.
     *
     * @param cleartext false to refuse h2c
     * @return this
     */
    public Http2Options cleartext(boolean cleartext) {
        this.cleartext = cleartext;
        return this;
    }

    /**
     * Streams one connection may have open at once ({@code SETTINGS_MAX_CONCURRENT_STREAMS}); more are refused
     * with {@code RST_STREAM(REFUSED_STREAM)}.
     *
     * @return the limit, 100 by default
     */
    public int maxConcurrentStreams() {
        return maxConcurrentStreams;
    }

    /**
     * Sets the streams one connection may have open at once.
     *
     * @param maxConcurrentStreams at least 1
     * @return this
     * @throws IllegalArgumentException when below 1
     */
    public Http2Options maxConcurrentStreams(int maxConcurrentStreams) {
        if (maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("max-concurrent-streams must be at least 1, not "
                    + maxConcurrentStreams);
        }
        this.maxConcurrentStreams = maxConcurrentStreams;
        return this;
    }

    /**
     * Bytes of request body a client may send on one stream before the handler consumed them
     * ({@code SETTINGS_INITIAL_WINDOW_SIZE}).
     *
     * @return the window, 64 KiB by default
     */
    public int initialWindowSize() {
        return initialWindowSize;
    }

    /**
     * Sets the flow-control window of each stream.
     *
     * @param initialWindowSize 1 to 2^31-1 bytes
     * @return this
     * @throws IllegalArgumentException when out of that range
     */
    public Http2Options initialWindowSize(int initialWindowSize) {
        if (initialWindowSize < 1) {
            throw new IllegalArgumentException("initial-window-size must be 1 to 2147483647 bytes, not "
                    + initialWindowSize);
        }
        this.initialWindowSize = initialWindowSize;
        return this;
    }

    /**
     * Largest decoded header list of a request ({@code SETTINGS_MAX_HEADER_LIST_SIZE}); a larger one is answered
     * {@code 431}.
     *
     * @return bytes, or 0 to use {@link HttpServerOptions#maxHeaderSize()}
     */
    public int maxHeaderListSize() {
        return maxHeaderListSize;
    }

    /**
     * Sets the largest decoded header list of a request.
     *
     * @param maxHeaderListSize bytes; 0 follows {@link HttpServerOptions#maxHeaderSize()}
     * @return this
     * @throws IllegalArgumentException when negative
     */
    public Http2Options maxHeaderListSize(int maxHeaderListSize) {
        if (maxHeaderListSize < 0) {
            throw new IllegalArgumentException("max-header-list-size must not be negative, not " + maxHeaderListSize);
        }
        this.maxHeaderListSize = maxHeaderListSize;
        return this;
    }
}
