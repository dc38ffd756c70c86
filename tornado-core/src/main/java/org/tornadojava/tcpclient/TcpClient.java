package org.tornadojava.tcpclient;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Timeout;
import org.tornadojava.netutil.Resolver;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A non-blocking TCP client, Tornado's {@code TCPClient}: {@link #connect(String, int, ConnectOptions)} resolves
 * the host asynchronously, connects with happy eyeballs over its addresses (IPv4 and IPv6 in parallel after 300 ms),
 * optionally handshakes TLS, and completes with an {@link IOStream}.
 *
 * <p>Threading: called on one of the group's IOLoops, the stream lives on that same loop and the future completes
 * there; called from any other thread, the stream lives on the group's next loop and the future completes on it.
 * Thread-safe. {@link #close()} closes the resolver the client made (not the loops, not the streams).
 */
public final class TcpClient implements AutoCloseable {
    private static final ChannelHandler NO_HANDLERS = new NoHandlers();

    private final IOLoopGroup loops;
    private final Resolver resolver;
    private final boolean ownsResolver;

    /**
     * A client with its own {@link Resolver} on the loops. Any thread.
     *
     * @param loops the loops connections live on, e.g. the server's
     */
    public TcpClient(IOLoopGroup loops) {
        this(loops, new Resolver(loops), true);
    }

    /**
     * A client with a given resolver, which {@link #close()} leaves open. Any thread.
     *
     * @param loops the loops connections live on
     * @param resolver resolves host names; should run on the same loops
     */
    public TcpClient(IOLoopGroup loops, Resolver resolver) {
        this(loops, resolver, false);
    }

    private TcpClient(IOLoopGroup loops, Resolver resolver, boolean ownsResolver) {
        this.loops = loops;
        this.resolver = resolver;
        this.ownsResolver = ownsResolver;
    }

    /**
     * Connects in plain TCP with no timeout. Any thread. See {@link #connect(String, int, ConnectOptions)}.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @return the connected stream
     */
    public CompletableFuture<IOStream> connect(String host, int port) {
        return connect(host, port, ConnectOptions.DEFAULTS);
    }

    /**
     * Connects: resolves {@code host}, connects to the first of its addresses that answers, then with TLS
     * handshakes (sending {@code host} as SNI). Any thread.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @param options TLS, timeout, source address and buffer size
     * @return the connected stream, completed on the stream's loop (see the class documentation); failed with the
     *         resolver's or the last connection attempt's error, a {@code StreamClosedError} when the handshake
     *         failed, or a {@link TimeoutException} when the timeout passed first (every attempt is then closed)
     */
    public CompletableFuture<IOStream> connect(String host, int port, ConnectOptions options) {
        IOLoop loop = loops.currentOrNext();
        CompletableFuture<IOStream> connected = new CompletableFuture<>();
        loop.addCallback(() -> new Attempt(loop, host, port, options, connected).start());
        return connected;
    }

    /** Closes the resolver this client created. Any thread. */
    @Override
    public void close() {
        if (ownsResolver) {
            resolver.close();
        }
    }

    private ChannelFuture open(IOLoop loop, InetSocketAddress address, ConnectOptions options) {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop.eventLoop())
                .channel(loops.transport().socketChannelClass())
                .option(ChannelOption.AUTO_READ, false)
                .handler(NO_HANDLERS);
        return options.sourceAddress() == null ? bootstrap.connect(address)
                : bootstrap.connect(address, options.sourceAddress());
    }

    /** One call of {@code connect}: resolve, connect, handshake, under one timeout. Confined to its loop. */
    private final class Attempt {
        private final IOLoop loop;
        private final String host;
        private final int port;
        private final ConnectOptions options;
        private final CompletableFuture<IOStream> result;
        private HappyEyeballs eyeballs;
        private IOStream stream;
        private Timeout timer;

        Attempt(IOLoop loop, String host, int port, ConnectOptions options, CompletableFuture<IOStream> result) {
            this.loop = loop;
            this.host = host;
            this.port = port;
            this.options = options;
            this.result = result;
        }

        void start() {
            if (options.timeout() != null) {
                timer = loop.callLater(options.timeout(), this::timedOut);
            }
            resolver.resolve(host, port, loop).whenComplete((addresses, failure) -> {
                if (failure != null) {
                    fail(failure);
                } else if (!result.isDone()) {
                    connect(addresses);
                }
            });
        }

        private void connect(List<InetSocketAddress> addresses) {
            eyeballs = new HappyEyeballs(loop, addresses, address -> open(loop, address, options));
            eyeballs.start().whenComplete((channel, failure) -> {
                if (failure != null) {
                    fail(failure);
                    return;
                }
                if (result.isDone()) {
                    channel.close();
                    return;
                }
                stream = new IOStream(channel, options.maxBufferSize());
                if (options.tls() == null) {
                    succeed();
                } else {
                    stream.startTls(false, options.tls(), host).whenComplete((secured, tlsFailure) -> {
                        if (tlsFailure != null) {
                            stream.close();
                            fail(tlsFailure);
                        } else {
                            succeed();
                        }
                    });
                }
            });
        }

        private void timedOut() {
            if (result.completeExceptionally(new TimeoutException("connecting to " + host + ":" + port
                    + " timed out after " + options.timeout()))) {
                if (eyeballs != null) {
                    eyeballs.abandon(new TimeoutException("timed out"));
                }
                if (stream != null) {
                    stream.close();
                }
            }
        }

        private void succeed() {
            cancelTimer();
            if (!result.complete(stream)) {
                stream.close();
            }
        }

        private void fail(Throwable failure) {
            cancelTimer();
            result.completeExceptionally(failure);
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    /** The pipeline of a new connection stays empty until its {@link IOStream} adds its reader. */
    @ChannelHandler.Sharable
    private static final class NoHandlers extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            // the IOStream adds its reader once the connection is established
        }
    }
}
