package org.tornadojava.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;

/**
 * Right after TLS while HTTP/2 is on: once the handshake is done, makes the connection HTTP/2 when ALPN chose
 * {@code h2} ({@link Http2Pipelines#install}) and leaves the HTTP/1.1 handlers in place otherwise (ALPN chose
 * {@code http/1.1}, or the client offered no ALPN); then it leaves the pipeline. A failed handshake is one INFO line,
 * a client going away during it a DEBUG line, as on HTTP/1.1. Runs on the connection's IOLoop.
 */
final class Http2Alpn extends ApplicationProtocolNegotiationHandler {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Http2Pipelines http2;
    private boolean failureLogged;

    Http2Alpn(Http2Pipelines http2) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.http2 = http2;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            http2.install(ctx.pipeline());
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        if (!failureLogged) {
            failureLogged = true;
            GENERAL_LOG.info("TLS with {} failed: {}", HttpServerConnection.ipOf(ctx.channel().remoteAddress()),
                    cause.getMessage());
        }
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof IOException) {
            GENERAL_LOG.debug("connection from {} failed during the TLS handshake: {}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        } else if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            handshakeFailure(ctx, cause.getCause());
        } else {
            super.exceptionCaught(ctx, cause);
        }
    }
}
