package org.tornadojava.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoopGroup;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * An HTTP/1.1 server on an {@link IOLoopGroup}, Tornado's {@code HTTPServer}: accepts connections, parses
 * requests and hands each to its {@link HttpServerDelegate} on the connection's IOLoop.
 *
 * <pre>{@code
 * IOLoopGroup loops = new IOLoopGroup(0, Transport.AUTO);
 * HttpServer server = new HttpServer(application, new HttpServerOptions().port(8888), loops);
 * server.start();
 * }</pre>
 *
 * <p>{@link #start()}, {@link #stop()} and {@link #shutdownGracefully(Duration)} are thread-safe and idempotent.
 * The server does not own the loops: whoever created the {@link IOLoopGroup} shuts it down.
 */
public final class HttpServer {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    /** Outbound bytes per connection above which the channel reports unwritable (Netty's default sizes). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoopGroup loops;
    private final ChannelGroup connections = new DefaultChannelGroup("tornado-connections",
            GlobalEventExecutor.INSTANCE);
    private final InFlightRequests inFlight = new InFlightRequests();
    private volatile Channel serverChannel;

    /**
     * Creates a server; nothing is bound until {@link #start()}.
     *
     * @param delegate what serves each request, usually an {@code Application}
     * @param options where to listen and what to accept
     * @param loops the IOLoops that accept and serve connections
     */
    public HttpServer(HttpServerDelegate delegate, HttpServerOptions options, IOLoopGroup loops) {
        this.delegate = delegate;
        this.options = options;
        this.loops = loops;
    }

    /**
     * Binds the address and starts accepting; returns once bound. Logs
     * {@code Tornado server started on port N}. Calling it again while running does nothing. Not from an IOLoop.
     *
     * @throws IllegalStateException when the address cannot be bound (the cause says why, e.g. port in use)
     */
    public synchronized void start() {
        if (serverChannel != null) {
            return;
        }
        SslContext sslContext = options.sslEnabled()
                ? TlsContexts.forServer(options.sslCertificate(), options.sslPrivateKey(),
                options.http2().enabled()) : null;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptorGroup(), loops.eventLoopGroup())
                .channel(loops.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, options.backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptErrors())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new HttpServerInitializer(delegate, options, loops, connections, sslContext,
                        inFlight));
        if (options.reusePort()) {
            ChannelOption<Boolean> reusePort = loops.transport().reusePortOption();
            if (reusePort == null) {
                throw new IllegalStateException("reuse-port needs the epoll or io-uring transport, not "
                        + loops.transport());
            }
            bootstrap.option(reusePort, true);
        }
        try {
            serverChannel = bootstrap.bind(options.address(), options.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + options.address() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        GENERAL_LOG.info("Tornado server started on port {} ({}, {} transport, {} IOLoops)", port(),
                sslContext != null ? "https" : "http", loops.transport(), loops.loops().size());
    }

    /**
     * The port the server listens on: the real one when started with port 0. Any thread.
     *
     * @return the bound port, or -1 when not running
     */
    public int port() {
        Channel listening = serverChannel;
        return listening == null ? -1 : ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /**
     * Tells whether the server is accepting connections. Any thread.
     *
     * @return true between {@link #start()} and {@link #stop()} or {@link #shutdownGracefully(Duration)}
     */
    public boolean isRunning() {
        return serverChannel != null;
    }

    /**
     * Number of open client connections. Any thread.
     *
     * @return connections currently open
     */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Number of requests handed to the delegate whose response has not been written yet. Any thread.
     *
     * @return requests in flight
     */
    public int inFlightRequestCount() {
        return inFlight.count();
    }

    /**
     * Stops accepting and closes every open connection (WebSockets get a close frame 1001 first), waiting at most
     * {@code timeout}. Calling it when not
     * running does nothing. Not from an IOLoop.
     *
     * @param timeout longest wait for the sockets to close
     */
    public synchronized void stop(Duration timeout) {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(timeout.toMillis());
        serverChannel = null;
        announceShutdown();
        connections.close().awaitUninterruptibly(timeout.toMillis());
        delegate.serverStopped();
        GENERAL_LOG.info("Tornado server stopped");
    }

    /**
     * Stops gracefully: closes the listening socket at once (new connections are refused), sends every WebSocket a
     * close frame 1001 (going away), closes idle
     * keep-alive connections, lets requests in flight finish (each response then carries
     * {@code Connection: close} and its connection is closed after it) for at most {@code timeout}, then closes
     * every connection left. Calling it when not running does nothing and returns true. Blocks the calling
     * thread; not from an IOLoop.
     *
     * @param timeout longest wait for requests in flight
     * @return true when every request in flight finished in time; false when some were cut off
     */
    public synchronized boolean shutdownGracefully(Duration timeout) {
        Channel listening = serverChannel;
        if (listening == null) {
            return true;
        }
        listening.close().awaitUninterruptibly(timeout.toMillis());
        serverChannel = null;
        announceShutdown();
        for (Channel channel : connections) {
            channel.eventLoop().execute(() -> {
                HttpServerConnection connection = channel.pipeline().get(HttpServerConnection.class);
                if (connection != null) {
                    connection.closeWhenIdle();
                } else {
                    Http2ConnectionGuard.closeGracefully(channel, timeout);
                }
            });
        }
        boolean drained = inFlight.awaitIdle(timeout);
        int cutOff = inFlight.count();
        connections.close().awaitUninterruptibly(timeout.toMillis());
        delegate.serverStopped();
        if (drained) {
            GENERAL_LOG.info("Tornado server stopped gracefully");
        } else {
            GENERAL_LOG.warn("Tornado server stopped after {}: {} request(s) still in flight were cut off", timeout,
                    cutOff);
        }
        return drained;
    }

    /** Tells every open connection, on its loop, that the server stops (WebSockets send close 1001). */
    private void announceShutdown() {
        for (Channel channel : connections) {
            channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(ServerShutdownEvent.INSTANCE));
        }
    }

    /** Stops the server, waiting up to 10 seconds. See {@link #stop(Duration)}. */
    public void stop() {
        stop(Duration.ofSeconds(10));
    }
}
