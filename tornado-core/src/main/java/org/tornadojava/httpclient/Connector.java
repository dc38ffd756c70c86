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
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.tornadojava.ioloop.IOLoop;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens client connections on a given IOLoop: asynchronous name resolution, TCP connect, then for HTTPS the TLS
 * handshake; the pipeline is {@code [tls] -> HttpClientCodec -> [decompressor] -> ResponseReader}. Every channel
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
        ChannelFuture connected = new Bootstrap()
                .group(loop.eventLoop())
                .channel(channelClass)
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(connectTimeout.toMillis(),
                        Integer.MAX_VALUE))
                .handler(new Initializer(key, reader))
                .connect(InetSocketAddress.createUnresolved(key.host(), key.port()));
        Channel channel = connected.channel();
        channels.add(channel);
        Promise<Void> ready = loop.eventLoop().newPromise();
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                ready.tryFailure(done.cause());
            } else if (key.tls()) {
                channel.pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
                    if (handshake.isSuccess()) {
                        ready.trySuccess(null);
                    } else {
                        ready.tryFailure(handshake.cause());
                    }
                });
            } else {
                ready.trySuccess(null);
            }
        });
        return new Attempt(new ClientConnection(channel, key, loop, reader), ready);
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
