package org.tornadojava.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http2.Http2CodecUtil;

/**
 * Right after the request decoder of a cleartext connection while h2c is on: looks at the connection's first request
 * only. When it asks for {@code Upgrade: h2c} with {@code HTTP2-Settings} and has no body, Netty's upgrade handler
 * ({@link Http2Pipelines#newUpgradeHandler}) is put in its path to switch the connection to HTTP/2; any other first
 * request is served on HTTP/1.1 (a request with a body is not upgraded, which RFC 9110 allows). Then this handler
 * leaves the pipeline, so later requests do not pass it. Runs on the connection's IOLoop.
 */
final class H2cUpgradeGate extends ChannelInboundHandlerAdapter {
    private final Http2Pipelines http2;

    H2cUpgradeGate(Http2Pipelines http2) {
        this.http2 = http2;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest && asksForH2c((HttpRequest) msg)) {
            ctx.pipeline().addAfter(ctx.name(), "h2c-upgrading", http2.newUpgradeHandler());
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }

    private static boolean asksForH2c(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return request.decoderResult().isSuccess()
                && headers.containsValue(HttpHeaderNames.UPGRADE, Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, true)
                && headers.contains(Http2CodecUtil.HTTP_UPGRADE_SETTINGS_HEADER)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) == 0;
    }
}
