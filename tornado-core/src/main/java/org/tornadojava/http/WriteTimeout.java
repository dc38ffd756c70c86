package org.tornadojava.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code tornado.server.write-timeout}: closes a connection whose outbound bytes make no progress for the timeout,
 * a client that stopped reading. Nothing runs while every flush empties the outbound buffer (the usual case): a
 * check is armed only when a flush leaves bytes behind, and it re-arms itself as long as bytes are still waiting and
 * some of them left since the last check, as Netty's {@code IdleStateHandler} observes output progress. A stalled
 * connection is therefore closed between one and two timeouts after its last progress. Runs on the channel's IOLoop.
 */
final class WriteTimeout extends ChannelOutboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> check;
    private Object lastMessage;
    private long lastProgress;

    WriteTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        if (check == null && hasPendingBytes()) {
            remember();
            check = ctx.executor().schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        check = null;
        if (!ctx.channel().isActive() || !hasPendingBytes()) {
            lastMessage = null;
            return;
        }
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        if (buffer.current() != lastMessage || buffer.currentProgress() != lastProgress) {
            remember();
            check = ctx.executor().schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
            return;
        }
        GENERAL_LOG.info("closing the connection from {}: {} bytes not read by the client for {} ms",
                ctx.channel().remoteAddress(), buffer.totalPendingWriteBytes(),
                TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        ctx.close();
    }

    private boolean hasPendingBytes() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer != null && buffer.current() != null;
    }

    private void remember() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        lastMessage = buffer.current();
        lastProgress = buffer.currentProgress();
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
