package org.tornadojava.tcpclient;

import io.netty.handler.ssl.SslContext;
import org.tornadojava.iostream.IOStream;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How {@link TcpClient#connect(String, int, ConnectOptions)} connects: TLS (Tornado's {@code ssl_options}), an
 * overall timeout, a source address ({@code source_ip}, {@code source_port}) and the stream's
 * {@code maxBufferSize}. Immutable: each {@code with} method returns a copy; thread-safe.
 *
 * @param tls a client TLS context, or null for plain TCP
 * @param timeout the longest time for resolving, connecting and the TLS handshake together, or null for none
 * @param sourceAddress the local address to connect from, or null for any
 * @param maxBufferSize the most bytes the stream buffers
 */
public record ConnectOptions(SslContext tls, Duration timeout, InetSocketAddress sourceAddress, int maxBufferSize) {
    /** Plain TCP, no timeout, any source address, 100 MB buffer. */
    public static final ConnectOptions DEFAULTS = new ConnectOptions(null, null, null,
            IOStream.DEFAULT_MAX_BUFFER_SIZE);

    /**
     * Checks the values. Any thread.
     *
     * @throws IllegalArgumentException when a client context is expected but a server one is given, the timeout is
     *         not positive, or the buffer size is below 1
     */
    public ConnectOptions {
        if (tls != null && tls.isServer()) {
            throw new IllegalArgumentException("a TcpClient needs a client TLS context");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("the connect timeout must be positive: " + timeout);
        }
        if (maxBufferSize < 1) {
            throw new IllegalArgumentException("maxBufferSize must be at least 1: " + maxBufferSize);
        }
    }

    /**
     * These options with TLS. Any thread.
     *
     * @param context a client context, e.g. {@code SslContextBuilder.forClient().build()} (the JDK's trust store,
     *        host-name verification); the host name connected to is sent as SNI and checked
     * @return a copy
     */
    public ConnectOptions withTls(SslContext context) {
        return new ConnectOptions(context, timeout, sourceAddress, maxBufferSize);
    }

    /**
     * These options with an overall timeout. Any thread.
     *
     * @param value how long resolving, connecting and the TLS handshake may take together
     * @return a copy
     */
    public ConnectOptions withTimeout(Duration value) {
        return new ConnectOptions(tls, value, sourceAddress, maxBufferSize);
    }

    /**
     * These options with a source address. Any thread.
     *
     * @param value the local address (port 0 for any) to connect from
     * @return a copy
     */
    public ConnectOptions withSourceAddress(InetSocketAddress value) {
        return new ConnectOptions(tls, timeout, value, maxBufferSize);
    }

    /**
     * These options with another buffer limit. Any thread.
     *
     * @param value the most bytes the stream buffers
     * @return a copy
     */
    public ConnectOptions withMaxBufferSize(int value) {
        return new ConnectOptions(tls, timeout, sourceAddress, value);
    }
}
