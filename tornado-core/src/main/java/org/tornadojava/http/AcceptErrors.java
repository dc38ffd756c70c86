package org.tornadojava.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * On the listening channel: takes the errors accepting raises (out of file descriptors, {@code EMFILE}) before they
 * reach the end of the pipeline, where Netty logs each one as a WARN with a stack trace, and reports them as one
 * rate-limited line with a count. Netty's acceptor has already paused accepting for a second by then. Sharable; runs
 * on the listening channel's loop.
 */
@ChannelHandler.Sharable
final class AcceptErrors extends ChannelInboundHandlerAdapter {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final RateLimitedLog log = new RateLimitedLog(GENERAL_LOG,
            "cannot accept connections (accepting again in 1 s)", Duration.ofSeconds(10));

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn(cause.toString());
    }
}
