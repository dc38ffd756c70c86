package org.tornadojava.ioloop;

import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;

import java.util.Locale;

/**
 * The I/O mechanism behind the IOLoops: {@code auto}, {@code epoll}, {@code io-uring} or {@code nio}.
 *
 * <p>{@link #AUTO} picks epoll on Linux when Netty's native library loads, NIO everywhere else.
 * Asking explicitly for a native transport that is not available fails with a message saying why.
 * Immutable; safe on any thread.
 */
public enum Transport {
    /** Epoll when available, otherwise NIO. */
    AUTO,
    /** Linux epoll through Netty's native transport. */
    EPOLL,
    /** Linux io_uring through Netty's native transport. */
    IO_URING,
    /** Java NIO selectors; works everywhere. */
    NIO;

    /**
     * Parses a property value such as {@code auto}, {@code epoll}, {@code io-uring} or {@code nio}.
     *
     * @param value the text, case-insensitive; {@code io_uring} is accepted too
     * @return the transport
     * @throws IllegalArgumentException when the value names no transport
     */
    public static Transport parse(String value) {
        String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Transport transport : values()) {
            if (transport.name().equals(key)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + value + "' (expected auto, epoll, io-uring or nio)");
    }

    /**
     * Resolves {@link #AUTO} to a concrete transport and checks that a native one can load.
     *
     * @return a concrete transport, never {@code AUTO}
     * @throws IllegalStateException when a native transport was asked for but cannot load here
     */
    public Transport resolve() {
        switch (this) {
            case AUTO:
                return Epoll.isAvailable() ? EPOLL : NIO;
            case EPOLL:
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("epoll transport is not available", Epoll.unavailabilityCause());
                }
                return this;
            case IO_URING:
                if (!IoUring.isAvailable()) {
                    throw new IllegalStateException("io_uring transport is not available",
                            IoUring.unavailabilityCause());
                }
                return this;
            default:
                return this;
        }
    }

    IoHandlerFactory ioHandlerFactory() {
        switch (resolve()) {
            case EPOLL:
                return EpollIoHandler.newFactory();
            case IO_URING:
                return IoUringIoHandler.newFactory();
            default:
                return NioIoHandler.newFactory();
        }
    }

    /**
     * The SO_REUSEPORT option of this transport. Any thread.
     *
     * @return the channel option, or null when the transport has none (NIO)
     */
    public ChannelOption<Boolean> reusePortOption() {
        switch (resolve()) {
            case EPOLL:
                return EpollChannelOption.SO_REUSEPORT;
            case IO_URING:
                return IoUringChannelOption.SO_REUSEPORT;
            default:
                return null;
        }
    }

    Class<? extends ServerChannel> serverChannelClass() {
        switch (resolve()) {
            case EPOLL:
                return EpollServerSocketChannel.class;
            case IO_URING:
                return IoUringServerSocketChannel.class;
            default:
                return NioServerSocketChannel.class;
        }
    }

    /**
     * The client socket channel class of this transport, for a {@code Bootstrap} on loops of this transport.
     * Any thread.
     *
     * @return the TCP client channel class
     */
    public Class<? extends SocketChannel> socketChannelClass() {
        switch (resolve()) {
            case EPOLL:
                return EpollSocketChannel.class;
            case IO_URING:
                return IoUringSocketChannel.class;
            default:
                return NioSocketChannel.class;
        }
    }

    /**
     * The UDP channel class of this transport, e.g. for an asynchronous DNS resolver on loops of this transport.
     * Any thread.
     *
     * @return the datagram channel class
     */
    public Class<? extends DatagramChannel> datagramChannelClass() {
        switch (resolve()) {
            case EPOLL:
                return EpollDatagramChannel.class;
            case IO_URING:
                return IoUringDatagramChannel.class;
            default:
                return NioDatagramChannel.class;
        }
    }

    /**
     * A new asynchronous DNS resolver group whose lookups use this transport's UDP and TCP channel classes: what the
     * HTTP client, the WebSocket client and {@code Resolver} resolve host names with. Any thread; the caller closes
     * it.
     *
     * @return the resolver group
     */
    public DnsAddressResolverGroup newDnsResolverGroup() {
        return new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(datagramChannelClass())
                .socketChannelType(socketChannelClass()));
    }
}
