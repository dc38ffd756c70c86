package org.tornadojava.netutil;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.util.AttributeKey;
import org.tornadojava.ioloop.IOLoopGroup;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Listening sockets bound ahead of the server that will serve them, Tornado's {@code netutil.bind_sockets}: bind
 * first (e.g. before dropping privileges, or to learn the port of port 0), then hand them to a server with
 * {@link #startAccepting(Channel, Consumer)} ({@code TcpServer.addSockets} does). A bound socket accepts nothing
 * until then; connections wait in its backlog. Stateless; thread-safe.
 */
public final class Sockets {
    private static final AttributeKey<Consumer<Channel>> ACCEPTOR = AttributeKey.valueOf(Sockets.class,
            "acceptor");
    private static final ChannelHandler HAND_OVER = new HandOver();

    private Sockets() {
    }

    /**
     * Binds listening sockets on the loops: one on every interface when {@code address} is null or empty,
     * otherwise one per address the name resolves to (all on the same port: when {@code port} is 0, the port the
     * first one got). Blocks until bound; not on an IOLoop.
     *
     * @param loops the loops that will accept and serve the connections
     * @param port the port, 0 for any free one
     * @param address the host name or IP address to listen on, or null for every interface
     * @param backlog the most connections waiting to be accepted
     * @param reusePort whether to set SO_REUSEPORT, so several sockets (or processes) share the port; needs the
     *        epoll or io-uring transport
     * @return the bound server channels, not accepting yet
     * @throws IllegalStateException when an address cannot be bound or resolved, or reuse-port is not supported
     */
    public static List<Channel> bindSockets(IOLoopGroup loops, int port, String address, int backlog,
                                            boolean reusePort) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.eventLoopGroup())
                .channel(loops.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, backlog)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, false)
                .childHandler(HAND_OVER);
        if (reusePort) {
            ChannelOption<Boolean> option = loops.transport().reusePortOption();
            if (option == null) {
                throw new IllegalStateException("reuse-port needs the epoll or io-uring transport, not "
                        + loops.transport());
            }
            bootstrap.option(option, true);
        }
        List<Channel> bound = new ArrayList<>();
        int boundPort = port;
        for (InetSocketAddress target : addresses(address, port)) {
            InetSocketAddress local = boundPort == target.getPort() ? target
                    : new InetSocketAddress(target.getAddress(), boundPort);
            try {
                Channel channel = bootstrap.bind(local).syncUninterruptibly().channel();
                bound.add(channel);
                boundPort = ((InetSocketAddress) channel.localAddress()).getPort();
            } catch (Exception e) {
                bound.forEach(Channel::close);
                throw new IllegalStateException("cannot listen on " + local + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(bound);
    }

    /**
     * Starts accepting on a socket bound by {@link #bindSockets}: each new connection is handed to
     * {@code onAccepted} on its own loop, while its pipeline is being set up (before it reads anything). Any
     * thread.
     *
     * @param listening a server channel returned by {@link #bindSockets}
     * @param onAccepted what to do with each new connection
     * @throws IllegalStateException when the socket already accepts for someone
     */
    public static void startAccepting(Channel listening, Consumer<Channel> onAccepted) {
        if (listening.attr(ACCEPTOR).setIfAbsent(onAccepted) != null) {
            throw new IllegalStateException(listening + " is already accepting connections for another server");
        }
        listening.config().setAutoRead(true);
    }

    private static List<InetSocketAddress> addresses(String address, int port) {
        if (address == null || address.isEmpty()) {
            return List.of(new InetSocketAddress(port));
        }
        try {
            List<InetSocketAddress> all = new ArrayList<>();
            for (InetAddress resolved : InetAddress.getAllByName(address)) {
                all.add(new InetSocketAddress(resolved, port));
            }
            return all;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve the listen address " + address, e);
        }
    }

    /** Hands each accepted connection to the acceptor registered on its listening socket. */
    @ChannelHandler.Sharable
    private static final class HandOver extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            Consumer<Channel> acceptor = channel.parent().attr(ACCEPTOR).get();
            if (acceptor == null) {
                channel.close();
            } else {
                acceptor.accept(channel);
            }
        }
    }
}
