package org.tornadojava.httpclient;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a client connection's pipeline: passes the decoded response of the current exchange to its
 * {@link Listener}, skips interim 1xx responses, and closes a connection that receives data or fails while it
 * waits in the pool. Every message is released here, after the listener returned. IOLoop thread only.
 */
final class ResponseReader extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    /** Receives one response. Every method runs on the connection's IOLoop. */
    interface Listener {
        /**
         * The status line and headers arrived.
         *
         * @param head the response head
         */
        void responseHead(HttpResponse head);

        /**
         * A piece of the body arrived (decompressed when a decompressor is in the pipeline).
         *
         * @param content the bytes; only valid during the call, the reader releases them
         */
        void responseContent(ByteBuf content);

        /** The response is complete; the listener is already detached. */
        void responseEnd();

        /**
         * The response could not be decoded (bad status line, headers too large, a corrupt compressed body);
         * the listener is already detached.
         *
         * @param cause what the decoder reported
         */
        void responseInvalid(Throwable cause);

        /**
         * The connection closed or failed before the response was complete; the listener is already detached.
         *
         * @param cause the I/O error, or null when the peer simply closed
         */
        void connectionLost(Throwable cause);
    }

    private final PoolKey key;
    private Listener listener;
    private boolean skippingInterim;

    ResponseReader(PoolKey key) {
        this.key = key;
    }

    /** Directs the next response to the listener. */
    void attach(Listener next) {
        this.listener = next;
        this.skippingInterim = false;
    }

    /** Stops passing anything on; later messages are dropped. */
    void detach() {
        this.listener = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            Listener current = listener;
            if (current == null) {
                dropUnexpected(ctx, msg);
            } else {
                dispatch(current, (HttpObject) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void dispatch(Listener current, HttpObject msg) {
        if (msg.decoderResult().isFailure()) {
            listener = null;
            current.responseInvalid(msg.decoderResult().cause());
            return;
        }
        if (msg instanceof HttpResponse) {
            int code = ((HttpResponse) msg).status().code();
            if (code >= 100 && code < 200 && code != 101) {
                skippingInterim = true;
            } else {
                current.responseHead((HttpResponse) msg);
            }
        }
        if (!(msg instanceof HttpContent) || listener != current) {
            return;
        }
        if (skippingInterim) {
            skippingInterim = !(msg instanceof LastHttpContent);
            return;
        }
        ByteBuf content = ((HttpContent) msg).content();
        if (content.isReadable()) {
            current.responseContent(content);
        }
        if (msg instanceof LastHttpContent && listener == current) {
            listener = null;
            current.responseEnd();
        }
    }

    private void dropUnexpected(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof LastHttpContent && !((LastHttpContent) msg).content().isReadable()) {
            return;
        }
        if (ctx.channel().isActive()) {
            GENERAL_LOG.debug("Unexpected data from {} on an idle connection; closing it", key);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Listener current = listener;
        listener = null;
        if (current != null) {
            current.connectionLost(null);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Listener current = listener;
        listener = null;
        if (current != null && cause instanceof DecoderException) {
            current.responseInvalid(cause.getCause() != null ? cause.getCause() : cause);
        } else if (current != null) {
            current.connectionLost(cause);
        } else {
            GENERAL_LOG.debug("Connection to {} failed while idle: {}", key, cause.toString());
        }
        ctx.close();
    }
}
