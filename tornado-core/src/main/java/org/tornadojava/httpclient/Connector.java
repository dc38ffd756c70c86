package org.tornadojava.httpclient;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.tornadojava.ioloop.IOLoop;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens client connections on a given IOLoop: asynchronous name resolution, TCP connect (to the proxy for plain
 * HTTP through a proxy; a {@code CONNECT} tunnel for HTTPS through one), then for HTTPS the TLS handshake; the
 * pipeline is {@code [proxy tunnel] -> [tls] -> HttpClientCodec -> [decompressor] -> ResponseReader}. Every channel
 * joins the client's channel group, so closing the client closes it. Thread-safe.
 */
final class Connector {
    private static final int CHUNK_SIZE = 64 * 1024;

    private final Class<? extends SocketChannel> channelClass;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final ClientTls tls;
    private final int maxHeaderSize;
    private final ChannelGroup channels;

    /**
     * A connection being opened.
     *
     * @param connection the connection, usable once {@code ready} succeeded
     * @param ready completes on the connection's loop when it can carry a request (after the TLS handshake)
     */
    record Attempt(ClientConnection connection, Future<Void> ready) {
    }

    Connector(Class<? extends SocketChannel> channelClass, AddressResolverGroup<InetSocketAddress> resolver,
              ClientTls tls, int maxHeaderSize, ChannelGroup channels) {
        this.channelClass = channelClass;
        this.resolver = resolver;
        this.tls = tls;
        this.maxHeaderSize = maxHeaderSize;
        this.channels = channels;
    }

    /**
     * Starts opening a connection. On the loop.
     *
     * @param key where to connect and how
     * @param loop the loop the connection will live on
     * @param connectTimeout the TCP connect timeout, zero for none (the caller also times the whole attempt)
     * @return the attempt
     */
    Attempt connect(PoolKey key, IOLoop loop, Duration connectTimeout) {
        ResponseReader reader = new ResponseReader(key);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop.eventLoop())
                .channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(connectTimeout.toMillis(),
                        Integer.MAX_VALUE))
                .handler(new Initializer(key, reader));
        Promise<Void> ready = loop.eventLoop().newPromise();
        Channel channel;
        if (key.tunnelsThroughProxy()) {
            channel = tunnel(bootstrap, key, loop, connectTimeout, ready);
        } else {
            HttpProxy proxy = key.proxy();
            ChannelFuture connected = bootstrap.resolver(resolver).connect(proxy != null
                    ? InetSocketAddress.createUnresolved(proxy.host(), proxy.port())
                    : InetSocketAddress.createUnresolved(key.host(), key.port()));
            channel = connected.channel();
            connected.addListener(done -> {
                if (done.isSuccess()) {
                    afterTcp(channel, key, ready);
                } else {
                    ready.tryFailure(done.cause());
                }
            });
        }
        channels.add(channel);
        return new Attempt(new ClientConnection(channel, key, loop, reader), ready);
    }

    /**
     * Opens a {@code CONNECT} tunnel through the key's proxy with Netty's {@link HttpProxyHandler}: resolves the
     * proxy's name on the loop, then connects the channel to the (unresolved) target, which the handler turns into
     * a connection to the proxy and a {@code CONNECT host:port}; TLS with the target starts once the tunnel is up.
     */
    private Channel tunnel(Bootstrap bootstrap, PoolKey key, IOLoop loop, Duration connectTimeout,
                           Promise<Void> ready) {
        HttpProxy proxy = key.proxy();
        ChannelFuture registered = bootstrap.register();
        Channel channel = registered.channel();
        registered.addListener(done -> {
            if (!done.isSuccess()) {
                ready.tryFailure(done.cause());
                return;
            }
            resolver.getResolver(loop.eventLoop())
                    .resolve(InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))
                    .addListener(resolved -> {
                        if (resolved.isSuccess()) {
                            connectTunnel(channel, key, (InetSocketAddress) resolved.getNow(), connectTimeout, ready);
                        } else {
                            ready.tryFailure(resolved.cause());
                        }
                    });
        });
        return channel;
    }

    private static void connectTunnel(Channel channel, PoolKey key, InetSocketAddress proxyAddress,
                                      Duration connectTimeout, Promise<Void> ready) {
        HttpProxy proxy = key.proxy();
        HttpProxyHandler handler = proxy.hasCredentials()
                ? new HttpProxyHandler(proxyAddress, proxy.username(), proxy.password())
                : new HttpProxyHandler(proxyAddress);
        handler.setConnectTimeoutMillis(connectTimeout.toMillis());
        channel.pipeline().addFirst(handler);
        channel.connect(InetSocketAddress.createUnresolved(key.host(), key.port())).addListener(connected -> {
            if (!connected.isSuccess()) {
                ready.tryFailure(connected.cause());
                return;
            }
            handler.connectFuture().addListener(tunnelled -> {
                if (tunnelled.isSuccess()) {
                    afterTcp(channel, key, ready);
                } else {
                    ready.tryFailure(tunnelled.cause());
                }
            });
        });
    }

    /** The transport (or tunnel) is up: ready now for HTTP, after the handshake for HTTPS. */
    private static void afterTcp(Channel channel, PoolKey key, Promise<Void> ready) {
        if (!key.tls()) {
            ready.trySuccess(null);
            return;
        }
        channel.pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                ready.trySuccess(null);
            } else {
                ready.tryFailure(handshake.cause());
            }
        });
    }

    /** Builds the pipeline of one new connection. */
    private final class Initializer extends ChannelInitializer<Channel> {
        private final PoolKey key;
        private final ResponseReader reader;

        Initializer(PoolKey key, ResponseReader reader) {
            this.key = key;
            this.reader = reader;
        }

        @Override
        protected void initChannel(Channel channel) {
            ChannelPipeline pipeline = channel.pipeline();
            if (key.tls()) {
                pipeline.addLast(tls.newHandler(channel.alloc(), key.host(), key.port(), key.validateCert()));
            }
            HttpDecoderConfig decoding = new HttpDecoderConfig()
                    .setMaxInitialLineLength(maxHeaderSize)
                    .setMaxHeaderSize(maxHeaderSize)
                    .setMaxChunkSize(CHUNK_SIZE);
            pipeline.addLast(ClientConnection.CODEC, new HttpClientCodec(decoding, false, false));
            pipeline.addLast(ClientConnection.READER, reader);
        }
    }
}
