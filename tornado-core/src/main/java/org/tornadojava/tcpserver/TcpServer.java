package org.tornadojava.tcpserver;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.iostream.StreamClosedError;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.netutil.Sockets;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking TCP server, Tornado's {@code TCPServer}: subclass it and override
 * {@link #handleStream(IOStream, InetSocketAddress)}, which gets one {@link IOStream} per connection on that
 * connection's IOLoop.
 *
 * <pre>{@code
 * class EchoServer extends TcpServer {
 *     EchoServer(IOLoopGroup loops) { super(loops); }
 *     protected CompletionStage<?> handleStream(IOStream stream, InetSocketAddress address) {
 *         return stream.readUntil("\n".getBytes()).thenCompose(stream::write);
 *     }
 * }
 * new EchoServer(loops).listen(8888, "127.0.0.1");
 * }</pre>
 *
 * <p>Three ways to start, as in Tornado: {@link #listen(int, String)}; {@link #bind} then {@link #start()};
 * {@link Sockets#bindSockets} then {@link #addSockets(List)}. With a TLS context every connection is TLS: the
 * handshake runs as the stream is first read or written, and a failed one closes the stream. The server may share
 * its {@link IOLoopGroup} with an {@code HttpServer}; it does not own the loops. {@code listen}, {@code bind},
 * {@code start}, {@code addSockets} and {@code stop} are thread-safe (binding blocks: not on an IOLoop).
 */
public abstract class TcpServer {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final IOLoopGroup loops;
    private final SslContext tls;
    private final int maxBufferSize;
    private final List<Channel> listening = new ArrayList<>();
    private final List<Channel> pending = new ArrayList<>();

    /**
     * A plain-TCP server with the default {@code maxBufferSize} (100 MB) per stream.
     *
     * @param loops the loops that accept and serve connections
     */
    protected TcpServer(IOLoopGroup loops) {
        this(loops, null, IOStream.DEFAULT_MAX_BUFFER_SIZE);
    }

    /**
     * A server, TLS when a context is given (Tornado's {@code ssl_options}).
     *
     * @param loops the loops that accept and serve connections
     * @param tls a server TLS context, e.g. {@code SslContextBuilder.forServer(certPem, keyPem).build()}, or null
     *        for plain TCP
     * @param maxBufferSize the most bytes each stream buffers
     */
    protected TcpServer(IOLoopGroup loops, SslContext tls, int maxBufferSize) {
        if (tls != null && !tls.isServer()) {
            throw new IllegalArgumentException("a TcpServer needs a server TLS context");
        }
        this.loops = loops;
        this.tls = tls;
        this.maxBufferSize = maxBufferSize;
    }

    /**
     * Serves one new connection. Called on the connection's IOLoop, once per connection, before any of its bytes
     * were read (they wait in the stream's buffer). The stream's futures complete on this same loop.
     *
     * @param stream the connection
     * @param address the peer's address
     * @return a stage that completes when the connection is served, or null; a failure is logged (a
     *         {@link StreamClosedError} at DEBUG, as the peer going away; anything else at ERROR) and closes the
     *         stream
     */
    protected abstract CompletionStage<?> handleStream(IOStream stream, InetSocketAddress address);

    /**
     * Binds and starts accepting: {@link #bind} with the default backlog (128) then {@link #start()}. Not on an
     * IOLoop.
     *
     * @param port the port, 0 for any free one (see {@link #boundAddresses()})
     * @param address the address to listen on, or null for every interface
     * @throws IllegalStateException when the address cannot be bound
     */
    public void listen(int port, String address) {
        bind(port, address, 128, false);
        start();
    }

    /**
     * Binds sockets that {@link #start()} will serve. Not on an IOLoop.
     *
     * @param port the port, 0 for any free one
     * @param address the address to listen on, or null for every interface
     * @param backlog the most connections waiting to be accepted
     * @param reusePort whether to set SO_REUSEPORT (epoll or io-uring transport only)
     * @throws IllegalStateException when the address cannot be bound
     */
    public void bind(int port, String address, int backlog, boolean reusePort) {
        List<Channel> sockets = Sockets.bindSockets(loops, port, address, backlog, reusePort);
        synchronized (this) {
            pending.addAll(sockets);
        }
    }

    /** Starts accepting on the sockets bound by {@link #bind}. Any thread. */
    public void start() {
        List<Channel> sockets;
        synchronized (this) {
            sockets = List.copyOf(pending);
            pending.clear();
        }
        addSockets(sockets);
    }

    /**
     * Starts accepting on sockets from {@link Sockets#bindSockets}, bound on this server's loops. Any thread.
     *
     * @param sockets listening channels
     * @throws IllegalArgumentException when a socket was bound on another {@link IOLoopGroup}
     */
    public void addSockets(List<Channel> sockets) {
        for (Channel socket : sockets) {
            loops.loopOf(socket.eventLoop());
        }
        for (Channel socket : sockets) {
            synchronized (this) {
                listening.add(socket);
            }
            Sockets.startAccepting(socket, this::accepted);
            GENERAL_LOG.info("TCP server listening on {}{}", socket.localAddress(), tls != null ? " (TLS)" : "");
        }
    }

    /**
     * The addresses the server listens on: the real ports when bound with port 0. Any thread.
     *
     * @return the local addresses of the listening sockets, in binding order
     */
    public synchronized List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (Channel socket : listening) {
            addresses.add((InetSocketAddress) socket.localAddress());
        }
        return addresses;
    }

    /**
     * Stops listening: closes the listening sockets and waits until they are closed. Connections already accepted
     * go on, as in Tornado. Not on an IOLoop.
     */
    public void stop() {
        List<Channel> sockets;
        synchronized (this) {
            sockets = new ArrayList<>(listening);
            sockets.addAll(pending);
            listening.clear();
            pending.clear();
        }
        for (Channel socket : sockets) {
            socket.close().syncUninterruptibly();
        }
    }

    /** Sets up one accepted connection, on its loop, and serves it once its pipeline is live. */
    private void accepted(Channel channel) {
        if (tls != null) {
            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
        }
        IOStream stream = new IOStream(channel, maxBufferSize);
        InetSocketAddress address = (InetSocketAddress) channel.remoteAddress();
        channel.eventLoop().execute(() -> serve(stream, address));
    }

    private void serve(IOStream stream, InetSocketAddress address) {
        CompletionStage<?> served;
        try {
            served = handleStream(stream, address);
        } catch (RuntimeException e) {
            failed(stream, address, e);
            return;
        }
        if (served != null) {
            served.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    failed(stream, address, failure);
                }
            });
        }
    }

    private static void failed(IOStream stream, InetSocketAddress address, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof StreamClosedError) {
            GENERAL_LOG.debug("Stream from {} closed while being served: {}", address, cause.getMessage());
        } else {
            APP_LOG.error("Error in connection callback for {}", address, cause);
        }
        stream.close();
    }
}
