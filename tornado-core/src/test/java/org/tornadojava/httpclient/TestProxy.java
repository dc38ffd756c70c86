package org.tornadojava.httpclient;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP proxy for the client's proxy tests, on 127.0.0.1 at a free port: forwards absolute-form requests
 * (plain HTTP) to their target and answers {@code CONNECT} with a byte tunnel. It can require
 * {@code Proxy-Authorization} (407 otherwise) or refuse every {@code CONNECT} (403), and records what it was asked.
 * One request per client connection for forwarded requests (answered with {@code Connection: close}).
 */
final class TestProxy implements AutoCloseable {
    /**
     * What the proxy saw.
     *
     * @param method the request method
     * @param uri the request target as received
     * @param proxyAuthorization the {@code Proxy-Authorization} header, or null
     */
    record Seen(String method, String uri, String proxyAuthorization) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    private final String requiredAuthorization;
    private final boolean refuseConnect;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private TestProxy(String requiredAuthorization, boolean refuseConnect) throws InterruptedException {
        this.requiredAuthorization = requiredAuthorization;
        this.refuseConnect = refuseConnect;
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("codec", new HttpServerCodec())
                                .addLast("aggregator", new HttpObjectAggregator(1024 * 1024))
                                .addLast("front", new Front());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** A proxy that lets everybody through. */
    static TestProxy open() throws InterruptedException {
        return new TestProxy(null, false);
    }

    /** A proxy that answers 407 unless {@code Proxy-Authorization} is exactly this. */
    static TestProxy requiring(String proxyAuthorization) throws InterruptedException {
        return new TestProxy(proxyAuthorization, false);
    }

    /** A proxy that refuses every {@code CONNECT} with 403. */
    static TestProxy refusingConnect() throws InterruptedException {
        return new TestProxy(null, true);
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    HttpProxy proxy() {
        return HttpProxy.of("127.0.0.1", port());
    }

    List<Seen> seen() {
        return seen;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The client side of the proxy: checks, then tunnels or forwards. */
    private final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String authorization = request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION);
            seen.add(new Seen(request.method().name(), request.uri(), authorization));
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                answer(ctx, HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED);
            } else if (request.method().equals(HttpMethod.CONNECT)) {
                if (refuseConnect) {
                    answer(ctx, HttpResponseStatus.FORBIDDEN);
                } else {
                    tunnel(ctx, request.uri());
                }
            } else {
                forward(ctx, request.retain());
            }
        }

        private void answer(ChannelHandlerContext ctx, HttpResponseStatus status) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            if (status == HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED) {
                response.headers().set(HttpHeaderNames.PROXY_AUTHENTICATE, "Basic realm=\"test proxy\"");
            }
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private void tunnel(ChannelHandlerContext ctx, String authority) {
            int colon = authority.lastIndexOf(':');
            Channel front = ctx.channel();
            front.config().setAutoRead(false);
            new Bootstrap().group(front.eventLoop()).channel(NioSocketChannel.class)
                    .handler(new Relay(front))
                    .connect(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))
                    .addListener((ChannelFutureListener) connected -> {
                        if (!connected.isSuccess()) {
                            answer(ctx, HttpResponseStatus.BAD_GATEWAY);
                            return;
                        }
                        Channel back = connected.channel();
                        ctx.pipeline().remove("aggregator");
                        ctx.pipeline().remove("codec");
                        ctx.pipeline().replace(Front.this, "relay", new Relay(back));
                        front.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 200 Connection established\r\n\r\n",
                                StandardCharsets.ISO_8859_1));
                        front.config().setAutoRead(true);
                    });
        }

        private void forward(ChannelHandlerContext ctx, FullHttpRequest request) {
            URI target = URI.create(request.uri());
            request.setUri(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            request.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
            Channel front = ctx.channel();
            new Bootstrap().group(front.eventLoop()).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(),
                                    new HttpObjectAggregator(16 * 1024 * 1024),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext back,
                                                                    FullHttpResponse response) {
                                            response.headers().set(HttpHeaderNames.CONNECTION,
                                                    HttpHeaderValues.CLOSE);
                                            front.writeAndFlush(response.retain())
                                                    .addListener(ChannelFutureListener.CLOSE);
                                            back.close();
                                        }
                                    });
                        }
                    })
                    .connect(target.getHost(), target.getPort())
                    .addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            connected.channel().writeAndFlush(request);
                        } else {
                            request.release();
                            answer(ctx, HttpResponseStatus.BAD_GATEWAY);
                        }
                    });
        }
    }

    /** Copies bytes to the other side of a tunnel, and closes it when this side closes. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel other;

        Relay(Channel other) {
            this.other = other;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (other.isActive() && msg instanceof ByteBuf) {
                other.writeAndFlush(msg);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            other.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
