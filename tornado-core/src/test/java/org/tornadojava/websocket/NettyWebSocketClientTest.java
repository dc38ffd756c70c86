package org.tornadojava.websocket;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Our server against Netty's own WebSocket client. */
class NettyWebSocketClientTest {
    @Test
    void nettysClientExchangesTextBinaryFragmentsAndCloseCodes() throws Exception {
        Application app = Application.builder().route("/echo/(.*)", WebSocketMessagingTest.Echo::new).build();
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        CompletableFuture<Void> handshaken = new CompletableFuture<>();
        try (TestServer server = TestServer.start(app)) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/echo/netty");
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketClientProtocolHandler(uri, WebSocketVersion.V13, null, false,
                                            new DefaultHttpHeaders(), 65536, false),
                                    new WebSocketFrameAggregator(65536),
                                    new SimpleChannelInboundHandler<WebSocketFrame>() {
                                        @Override
                                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent
                                                    .HANDSHAKE_COMPLETE) {
                                                handshaken.complete(null);
                                            }
                                        }

                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                            if (frame instanceof TextWebSocketFrame) {
                                                received.add(((TextWebSocketFrame) frame).text());
                                            } else if (frame instanceof BinaryWebSocketFrame) {
                                                byte[] bytes = new byte[frame.content().readableBytes()];
                                                frame.content().getBytes(frame.content().readerIndex(), bytes);
                                                received.add(bytes);
                                            } else if (frame instanceof CloseWebSocketFrame) {
                                                int code = ((CloseWebSocketFrame) frame).statusCode();
                                                closeCode.complete(code);
                                                ctx.writeAndFlush(new CloseWebSocketFrame(code, null));
                                            }
                                        }
                                    });
                        }
                    }).connect("127.0.0.1", server.port()).sync().channel();
            handshaken.get(5, TimeUnit.SECONDS);
            channel.writeAndFlush(new TextWebSocketFrame("netty says hi"));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("netty says hi");
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {7, 8, 9})));
            assertThat((byte[]) received.poll(5, TimeUnit.SECONDS)).containsExactly(7, 8, 9);
            channel.write(new TextWebSocketFrame(false, 0, "frag"));
            channel.write(new ContinuationWebSocketFrame(false, 0, "men"));
            channel.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "ted"));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("fragmented");
            channel.writeAndFlush(new TextWebSocketFrame("close-me"));
            assertThat(closeCode.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
            channel.closeFuture().await(10, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            Object leftover;
            while ((leftover = received.poll()) != null) {
                ReferenceCountUtil.release(leftover);
            }
        }
    }
}
