package org.tornadojava.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Last handler of an HTTP/2 connection: closes it (with {@code GOAWAY}) once it has been idle, without open streams,
 * for {@code idle-connection-timeout}; logs what reaches the end of the pipeline the way the HTTP/1.1 connection does
 * (a client going away at DEBUG); and, for a graceful shutdown, closes the connection the HTTP/2 way: {@code GOAWAY}
 * first, then the streams already open may finish. Runs on the connection's IOLoop.
 */
final class Http2ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Http2FrameCodec codec;

    Http2ConnectionGuard(Http2FrameCodec codec) {
        this.codec = codec;
    }

    /**
     * Starts closing an HTTP/2 connection gracefully: sends {@code GOAWAY} naming the last stream it accepted, lets
     * the open streams finish for at most {@code timeout}, then closes. IOLoop thread of the channel.
     *
     * @param channel an accepted connection
     * @param timeout longest wait for the open streams
     * @return false when the connection does not speak HTTP/2 (nothing was done)
     */
    static boolean closeGracefully(Channel channel, Duration timeout) {
        Http2FrameCodec codec = channel.pipeline().get(Http2FrameCodec.class);
        if (codec == null) {
            return false;
        }
        codec.gracefulShutdownTimeoutMillis(timeout.toMillis());
        channel.close();
        return true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (codec.connection().numActiveStreams() == 0) {
                GENERAL_LOG.debug("closing idle HTTP/2 connection from {}", ctx.channel().remoteAddress());
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /**
     * An {@link Http2Exception} here is a client's protocol error or flood that the frame codec answers itself with
     * {@code GOAWAY} and a close (one INFO line); anything else closes the connection.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Http2Exception) {
            GENERAL_LOG.info("HTTP/2 connection from {} ends: {}",
                    HttpServerConnection.ipOf(ctx.channel().remoteAddress()), cause.getMessage());
            return;
        }
        if (cause instanceof IOException) {
            GENERAL_LOG.debug("HTTP/2 connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            GENERAL_LOG.warn("error on HTTP/2 connection from {}: {}", ctx.channel().remoteAddress(),
                    cause.toString());
        }
        ctx.close();
    }
}
