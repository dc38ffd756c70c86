package org.tornadojava.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.tornadojava.httpclient.HttpClientError;
import org.tornadojava.httpclient.HttpConnectionError;
import org.tornadojava.ioloop.IOLoop;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for the server's answer to the WebSocket handshake: a 101 with a valid accept key and a subprotocol the
 * client offered (or none) switches the pipeline to frames and completes the connect future with the open
 * connection; any other status fails it with an {@link HttpClientError} carrying that status. IOLoop thread only.
 */
final class ClientHandshake extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final WebSocketClientHandshaker handshaker;
    private final WebSocketClientOptions options;
    private final IOLoop loop;
    private final CompletableFuture<WebSocketClientConnection> result;

    ClientHandshake(WebSocketClientHandshaker handshaker, WebSocketClientOptions options, IOLoop loop,
                    CompletableFuture<WebSocketClientConnection> result) {
        this.handshaker = handshaker;
        this.options = options;
        this.loop = loop;
        this.result = result;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (!HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            fail(ctx, new HttpClientError(response.status().code(), "WebSocket handshake refused: "
                    + response.status(), null));
            return;
        }
        String subprotocol = response.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        List<String> offered = options.subprotocols();
        if (subprotocol != null && !offered.contains(subprotocol.trim())) {
            fail(ctx, new HttpConnectionError("the server chose the subprotocol '" + subprotocol
                    + "' the client did not offer", null));
            return;
        }
        HttpHeaders headers = response.headers().copy();
        // the subprotocol was checked above, where picking none of the offered ones is allowed (as in Tornado)
        response.headers().remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (WebSocketClientHandshakeException e) {
            fail(ctx, new HttpConnectionError("invalid WebSocket handshake response: " + e.getMessage(), e));
            return;
        }
        WebSocketClientConnection connection = new WebSocketClientConnection(ctx.channel(), loop,
                subprotocol == null ? null : subprotocol.trim(), headers, options);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(this);
        pipeline.addLast("wsutf8", new Utf8FrameValidator(true));
        pipeline.addLast("wsaggregator", new WebSocketFrameAggregator(options.maxMessageSize()));
        pipeline.addLast("websocket", connection.attachFrames(options));
        result.complete(connection);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        result.completeExceptionally(new HttpConnectionError("connection closed during the WebSocket handshake",
                null));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, new HttpConnectionError("WebSocket handshake failed: " + cause, cause));
    }

    private void fail(ChannelHandlerContext ctx, RuntimeException error) {
        result.completeExceptionally(error);
        ctx.close();
    }
}
