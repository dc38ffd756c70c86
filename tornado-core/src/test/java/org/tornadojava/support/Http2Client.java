package org.tornadojava.support;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.concurrent.Future;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A test HTTP/2 client on Netty's codec: one connection (h2c with prior knowledge, or h2 over TLS chosen by ALPN),
 * each {@link #request} on a new stream, the response aggregated.
 */
public final class Http2Client implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final String authority;

    /** A whole response: status, headers and body. */
    public record Response(int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Http2Client(int port, SslContext tls) throws InterruptedException {
        authority = "localhost:" + port;
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", port));
                        }
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                });
        channel = bootstrap.connect("127.0.0.1", port).sync().channel();
        if (tls != null) {
            channel.pipeline().get(SslHandler.class).handshakeFuture().sync();
        }
    }

    /** Connects with prior knowledge (h2c). */
    public static Http2Client cleartext(int port) throws InterruptedException {
        return new Http2Client(port, null);
    }

    /** Connects over TLS offering only {@code h2} by ALPN, trusting {@code trusted}. */
    public static Http2Client tls(int port, X509Bundle trusted) throws Exception {
        SslContext context = SslContextBuilder.forClient().trustManager(trusted.getCertificate())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2))
                .build();
        return new Http2Client(port, context);
    }

    /** The protocol ALPN chose, or null without TLS. */
    public String applicationProtocol() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        return tls == null ? null : tls.applicationProtocol();
    }

    /** Sends {@code GET path} on a new stream and waits for the whole response. */
    public Response get(String path) throws Exception {
        return request(HttpMethod.GET, path, null, null);
    }

    /**
     * Sends a request on a new stream and waits (at most 30 s) for the whole response.
     *
     * @param headers extra request headers, or null
     * @param body the body, or null for none
     */
    public Response request(HttpMethod method, String path, HttpHeaders headers, byte[] body) throws Exception {
        return send(method, path, headers, body).get(30, TimeUnit.SECONDS);
    }

    /** Sends a request on a new stream; the future completes with the whole response, or fails on a reset. */
    public CompletableFuture<Response> send(HttpMethod method, String path, HttpHeaders headers, byte[] body)
            throws InterruptedException {
        CompletableFuture<Response> response = new CompletableFuture<>();
        Future<Http2StreamChannel> opened = new Http2StreamChannelBootstrap(channel)
                .handler(new ChannelInitializer<Http2StreamChannel>() {
                    @Override
                    protected void initChannel(Http2StreamChannel stream) {
                        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                                new HttpObjectAggregator(MAX_BODY), new Collector(response));
                    }
                }).open().sync();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, authority);
        if (headers != null) {
            request.headers().add(headers);
        }
        if (body != null) {
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        opened.getNow().writeAndFlush(request);
        return response;
    }

    /** Whether the server closed the connection. */
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class Collector extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<Response> response;

        Collector(CompletableFuture<Response> response) {
            this.response = response;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse message) {
            response.complete(new Response(message.status().code(), message.headers(),
                    ByteBufUtil.getBytes(message.content())));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            response.completeExceptionally(new IllegalStateException("stream closed without a response"));
            ctx.fireChannelInactive();
        }
    }
}
