package org.tornadojava.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection's clock: one reading per incoming read, shared by everything that read causes. */
class RequestClockTest {
    private static final long TWO_MILLIS = Duration.ofMillis(2).toNanos();

    @Test
    void everythingOneReadCausesSharesOneClockReading() {
        RequestTimeouts timeouts = new RequestTimeouts(Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        List<Long> readings = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(timeouts, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
                readings.add(timeouts.clock().now());
                LockSupport.parkNanos(TWO_MILLIS);
                readings.add(timeouts.clock().now());
            }
        });
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII));
        channel.writeInbound(Unpooled.copiedBuffer("Host: x\r\n\r\n", StandardCharsets.US_ASCII));

        assertThat(readings).hasSize(4);
        assertThat(readings.get(1)).isEqualTo(readings.get(0));
        assertThat(readings.get(3)).isEqualTo(readings.get(2));
        assertThat(readings.get(2) - readings.get(0)).isGreaterThanOrEqualTo(TWO_MILLIS);
        channel.finishAndReleaseAll();
    }

    @Test
    void outsideAReadTheClockIsReadEachTime() {
        RequestTimeouts timeouts = new RequestTimeouts(Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        EmbeddedChannel channel = new EmbeddedChannel(timeouts);
        long first = timeouts.clock().now();
        LockSupport.parkNanos(TWO_MILLIS);
        assertThat(timeouts.clock().now() - first).isGreaterThanOrEqualTo(TWO_MILLIS);
        channel.finishAndReleaseAll();
    }
}
