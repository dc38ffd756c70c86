package org.tornadojava.httpclient;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client certificates (PEM certificate and key) against an HTTPS server that requires one: a small Netty server
 * trusting a test CA and answering with the subject of the certificate the client presented.
 */
class ClientCertificateTest {
    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private static X509Bundle server;
    private static X509Bundle clientCa;
    private static X509Bundle client;
    private static Channel listener;

    /** Answers with the subject of the client's certificate. */
    private static final class WhoAmI extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
            String subject = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerPrincipal().getName();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("client " + subject, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost").ecp256()
                .setIsCertificateAuthority(true).buildSelfSigned();
        clientCa = new CertificateBuilder().subject("CN=test client CA").ecp256().setIsCertificateAuthority(true)
                .buildSelfSigned();
        client = new CertificateBuilder().subject("CN=script client").ecp256().buildIssuedBy(clientCa);
        SslContext tls = SslContextBuilder.forServer(server.toTempCertChainPem(), server.toTempPrivateKeyPem())
                .sslProvider(SslProvider.JDK).trustManager(clientCa.toTempCertChainPem())
                .clientAuth(ClientAuth.REQUIRE).build();
        listener = new ServerBootstrap().group(GROUP).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(tls.newHandler(channel.alloc()), new HttpServerCodec(),
                                new HttpObjectAggregator(65536), new WhoAmI());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @AfterAll
    static void stop() {
        listener.close().syncUninterruptibly();
        GROUP.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static String url() {
        return "https://localhost:" + ((InetSocketAddress) listener.localAddress()).getPort() + "/";
    }

    private static HttpClientOptions trustingTheServer() throws Exception {
        return new HttpClientOptions().caCertificates(server.toTempCertChainPem().toPath());
    }

    @Test
    void theClientPresentsItsCertificateWhenTheServerAsks() throws Exception {
        try (AsyncHttpClient https = new AsyncHttpClient(trustingTheServer().clientCertificate(
                client.toTempCertChainPem().toPath(), client.toTempPrivateKeyPem().toPath()))) {
            HttpResponse response = https.fetch(url()).get(10, TimeUnit.SECONDS);

            assertThat(response.text()).isEqualTo("client CN=script client");
        }
    }

    @Test
    void withoutACertificateTheServerRefusesTheConnection() throws Exception {
        try (AsyncHttpClient https = new AsyncHttpClient(trustingTheServer())) {
            Throwable error = ClientTests.failureOf(https.fetch(url()));

            assertThat(error).isInstanceOfSatisfying(HttpConnectionError.class,
                    refused -> assertThat(refused.code()).isEqualTo(599));
        }
    }

    @Test
    void anUnreadableKeyIsReportedWhenTheClientIsCreated() throws Exception {
        Path notAKey = Files.createTempFile("not-a-key", ".pem");
        notAKey.toFile().deleteOnExit();
        Files.writeString(notAKey, "garbage");

        assertThatThrownBy(() -> new AsyncHttpClient(trustingTheServer().clientCertificate(
                client.toTempCertChainPem().toPath(), notAKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("with the client certificate");
    }
}
