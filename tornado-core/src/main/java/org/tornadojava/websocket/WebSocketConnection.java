package org.tornadojava.websocket;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.LogText;
import org.tornadojava.http.ServerShutdownEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The frame side of one WebSocket, server or client, at the end of its pipeline after the handshake: delivers whole
 * messages to its {@link FrameListener} one at a time, answers pings, runs the close handshake (aborting after 5 s
 * when the peer does not answer), sends pings at the configured interval and closes peers that stop answering
 * them within the ping timeout. IOLoop thread only.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final long CLOSE_HANDSHAKE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final FrameListener listener;
    private final long pingIntervalNanos;
    private final long pingTimeoutNanos;
    private ChannelHandlerContext ctx;
    private boolean closeSent;
    private boolean closeReceived;
    private int closeCode = CloseStatus.ABNORMAL;
    private String closeReason;
    private long lastPong = System.nanoTime();
    private ScheduledFuture<?> closeTimer;
    private ScheduledFuture<?> pingTimer;

    WebSocketConnection(FrameListener listener, Duration pingInterval, Duration pingTimeout) {
        this.listener = listener;
        this.pingIntervalNanos = pingInterval.toNanos();
        this.pingTimeoutNanos = pingTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (pingIntervalNanos > 0) {
            pingTimer = ctx.executor().scheduleAtFixedRate(this::pingOrGiveUp, pingIntervalNanos, pingIntervalNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame) {
                if (!closeSent) {
                    listener.text(((TextWebSocketFrame) msg).text());
                }
            } else if (msg instanceof BinaryWebSocketFrame) {
                if (!closeSent) {
                    listener.binary(ByteBufUtil.getBytes(((WebSocketFrame) msg).content()));
                }
            } else if (msg instanceof PingWebSocketFrame) {
                if (!closeSent) {
                    ctx.writeAndFlush(new PongWebSocketFrame(((WebSocketFrame) msg).content().retain()));
                }
            } else if (msg instanceof PongWebSocketFrame) {
                lastPong = System.nanoTime();
                listener.pong(ByteBufUtil.getBytes(((WebSocketFrame) msg).content()));
            } else if (msg instanceof CloseWebSocketFrame) {
                closeFrameReceived((CloseWebSocketFrame) msg);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void closeFrameReceived(CloseWebSocketFrame frame) {
        closeReceived = true;
        int status = frame.statusCode();
        if (status >= 0 && !CloseStatus.isValidInFrame(status)) {
            GENERAL_LOG.info("invalid WebSocket close code {} from {}: closing with 1002", status,
                    ctx.channel().remoteAddress());
            closeCode = status;
            fail(CloseStatus.PROTOCOL_ERROR, "invalid close code");
            return;
        }
        closeCode = status < 0 ? CloseStatus.NO_STATUS : status;
        closeReason = frame.reasonText();
        if (closeSent) {
            ctx.close();
        } else {
            closeSent = true;
            CloseWebSocketFrame echo = status < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(status, null);
            ctx.writeAndFlush(echo).addListener(future -> ctx.close());
        }
    }

    /**
     * Fails the connection (RFC 6455 section 7.1.7): sends a close frame with {@code code}, unless one was sent
     * already, and closes the socket without waiting for the peer's answer.
     */
    private void fail(int code, String reason) {
        if (closeSent || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        closeSent = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(future -> ctx.close());
    }

    /** Sends a frame; the future completes when it was written. */
    ChannelFuture write(WebSocketFrame frame) {
        return ctx.writeAndFlush(frame);
    }

    boolean isClosing() {
        return closeSent || !ctx.channel().isActive();
    }

    /** Starts the close handshake; the socket is aborted if the peer does not answer within 5 s. */
    void close(int code, String reason) {
        if (closeSent || !ctx.channel().isActive()) {
            return;
        }
        closeSent = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
        if (closeReceived) {
            ctx.close();
        } else {
            closeTimer = ctx.executor().schedule(() -> {
                GENERAL_LOG.debug("peer {} did not answer the close handshake: aborting",
                        ctx.channel().remoteAddress());
                ctx.close();
            }, CLOSE_HANDSHAKE_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    private void pingOrGiveUp() {
        if (System.nanoTime() - lastPong > pingIntervalNanos + pingTimeoutNanos) {
            GENERAL_LOG.debug("peer {} stopped answering pings", ctx.channel().remoteAddress());
            close(CloseStatus.INTERNAL_ERROR, "ping timed out");
        } else if (!closeSent) {
            ctx.writeAndFlush(new PingWebSocketFrame());
        }
    }

    /** A stopping server closes the socket with 1001 (going away). */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ServerShutdownEvent.INSTANCE) {
            close(CloseStatus.GOING_AWAY, "server shutting down");
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (closeTimer != null) {
            closeTimer.cancel(false);
        }
        if (pingTimer != null) {
            pingTimer.cancel(false);
        }
        listener.closed(closeCode, closeReason);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            GENERAL_LOG.info("WebSocket message from {} too big: closing with 1009", ctx.channel().remoteAddress());
            close(CloseStatus.MESSAGE_TOO_BIG, "message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            GENERAL_LOG.info("invalid WebSocket frame from {}: {}", ctx.channel().remoteAddress(),
                    LogText.escape(cause.getMessage()));
            closeCode = ((CorruptedWebSocketFrameException) cause).closeStatus().code();
            closeReason = ((CorruptedWebSocketFrameException) cause).closeStatus().reasonText();
            fail(closeCode, closeReason);
        } else if (cause instanceof IOException) {
            GENERAL_LOG.debug("WebSocket connection from {} failed: {}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        } else {
            GENERAL_LOG.warn("error on WebSocket connection from {}: {}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        }
    }
}
