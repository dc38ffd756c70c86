package org.tornadojava.websocket;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of one WebSocket client connection, the keyword arguments of Tornado's {@code websocket_connect}:
 * connect timeout, message size limit, pings, permessage-deflate, subprotocols, TLS trust and the optional
 * {@code onMessage} and {@code onPong} callbacks. Defaults are Tornado's. A mutable builder-style holder: configure
 * it on one thread, then hand it to {@link WebSocketClient#connect(String, WebSocketClientOptions)}, which copies it.
 */
public final class WebSocketClientOptions {
    /** Tornado's {@code websocket_max_message_size}: 10 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 10 * 1024 * 1024;

    private Duration connectTimeout = Duration.ofSeconds(20);
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private Duration pingInterval = Duration.ZERO;
    private Duration pingTimeout;
    private boolean compression;
    private List<String> subprotocols = List.of();
    private boolean validateCert = true;
    private Path caCertificates;
    private Consumer<Object> onMessage;
    private Consumer<byte[]> onPong;

    /** Options with Tornado's defaults. Any thread. */
    public WebSocketClientOptions() {
    }

    private WebSocketClientOptions(WebSocketClientOptions other) {
        this.connectTimeout = other.connectTimeout;
        this.maxMessageSize = other.maxMessageSize;
        this.pingInterval = other.pingInterval;
        this.pingTimeout = other.pingTimeout;
        this.compression = other.compression;
        this.subprotocols = other.subprotocols;
        this.validateCert = other.validateCert;
        this.caCertificates = other.caCertificates;
        this.onMessage = other.onMessage;
        this.onPong = other.onPong;
    }

    /**
     * A copy, so later changes to this object do not affect a connection. Any thread.
     *
     * @return the copy
     */
    public WebSocketClientOptions copy() {
        return new WebSocketClientOptions(this);
    }

    /**
     * The longest the TCP connect, the TLS handshake and the WebSocket handshake may take together. Any thread.
     *
     * @return 20 seconds by default (Tornado)
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the connect timeout. Any thread.
     *
     * @param timeout positive
     * @return this
     * @throws IllegalArgumentException when not positive
     */
    public WebSocketClientOptions connectTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * The largest message accepted from the server (after decompression); a larger one closes the connection
     * with 1009. Any thread.
     *
     * @return 10 MiB by default (Tornado)
     */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Sets the largest message accepted. Any thread.
     *
     * @param bytes positive
     * @return this
     * @throws IllegalArgumentException when not positive
     */
    public WebSocketClientOptions maxMessageSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + bytes);
        }
        this.maxMessageSize = bytes;
        return this;
    }

    /**
     * How often the client pings the server. Any thread.
     *
     * @return zero (off) by default
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * Sets the ping interval. Any thread.
     *
     * @param interval zero for none
     * @return this
     * @throws IllegalArgumentException when negative
     */
    public WebSocketClientOptions pingInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must not be negative: " + interval);
        }
        this.pingInterval = interval;
        return this;
    }

    /**
     * How long after a missed pong the connection is closed (1011 "ping timed out"). Any thread.
     *
     * @return the configured timeout, by default the ping interval (Tornado)
     */
    public Duration pingTimeout() {
        return pingTimeout != null ? pingTimeout : pingInterval;
    }

    /**
     * Sets the ping timeout. Any thread.
     *
     * @param timeout positive, at most the ping interval when one is set at connect time
     * @return this
     * @throws IllegalArgumentException when not positive
     */
    public WebSocketClientOptions pingTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pingTimeout must be positive: " + timeout);
        }
        this.pingTimeout = timeout;
        return this;
    }

    /**
     * Whether permessage-deflate is offered to the server. Any thread.
     *
     * @return false by default (Tornado's {@code compression_options=None})
     */
    public boolean compression() {
        return compression;
    }

    /**
     * Offers permessage-deflate; messages are compressed only when the server accepts it. Any thread.
     *
     * @param compression true to offer it
     * @return this
     */
    public WebSocketClientOptions compression(boolean compression) {
        this.compression = compression;
        return this;
    }

    /**
     * The subprotocols offered in {@code Sec-WebSocket-Protocol}, in order of preference. Any thread.
     *
     * @return an unmodifiable list, empty by default
     */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /**
     * Sets the offered subprotocols; the server may pick one of them or none. Any thread.
     *
     * @param subprotocols protocol tokens
     * @return this
     */
    public WebSocketClientOptions subprotocols(List<String> subprotocols) {
        this.subprotocols = List.copyOf(subprotocols);
        return this;
    }

    /**
     * Whether a {@code wss://} server's certificate chain and host name are checked. Any thread.
     *
     * @return true by default
     */
    public boolean validateCert() {
        return validateCert;
    }

    /**
     * Turns certificate validation on or off ({@code false} only for tests and self-signed servers). Any thread.
     *
     * @param validateCert whether to check the server's certificate
     * @return this
     */
    public WebSocketClientOptions validateCert(boolean validateCert) {
        this.validateCert = validateCert;
        return this;
    }

    /**
     * The PEM file of trusted authorities for {@code wss://}. Any thread.
     *
     * @return the file, or null for the JDK's trust store
     */
    public Path caCertificates() {
        return caCertificates;
    }

    /**
     * Trusts the authorities in a PEM file instead of the JDK's trust store. Any thread.
     *
     * @param pemFile the file, or null for the JDK's trust store
     * @return this
     */
    public WebSocketClientOptions caCertificates(Path pemFile) {
        this.caCertificates = pemFile;
        return this;
    }

    /**
     * The message callback (Tornado's {@code on_message_callback}). Any thread.
     *
     * @return the callback, or null when messages are read with {@code readMessage()}
     */
    public Consumer<Object> onMessage() {
        return onMessage;
    }

    /**
     * Delivers every message to a callback instead of {@code readMessage()}: a {@code String} for text, a
     * {@code byte[]} for binary, and null once when the connection closed. The callback runs on the connection's
     * IOLoop and must not block; an exception it throws is logged on {@code tornado.application} and closes the
     * connection with 1011. Any thread.
     *
     * @param callback the callback, or null to read with {@code readMessage()}
     * @return this
     */
    public WebSocketClientOptions onMessage(Consumer<Object> callback) {
        this.onMessage = callback;
        return this;
    }

    /**
     * The pong callback. Any thread.
     *
     * @return the callback, or null
     */
    public Consumer<byte[]> onPong() {
        return onPong;
    }

    /**
     * Calls back with the payload of every pong the server sends (answers to
     * {@link WebSocketClientConnection#ping(byte[])} and unsolicited ones), on the connection's IOLoop. Any thread.
     *
     * @param callback the callback, or null
     * @return this
     */
    public WebSocketClientOptions onPong(Consumer<byte[]> callback) {
        this.onPong = callback;
        return this;
    }

    void validate() {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (pingTimeout != null && !pingInterval.isZero() && pingTimeout.compareTo(pingInterval) > 0) {
            throw new IllegalArgumentException("pingTimeout " + pingTimeout + " exceeds pingInterval " + pingInterval);
        }
    }
}
