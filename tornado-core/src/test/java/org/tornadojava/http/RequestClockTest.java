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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection's clock: one reading per incoming read, shared by everything that read causes. Its source is a
 * counter, so each reading is told apart without waiting for wall time to pass.
 */
class RequestClockTest {
    private long readings;
    private final RequestClock clock = new RequestClock(() -> ++readings);

    @Test
    void everythingOneReadCausesSharesOneClockReading() {
        RequestTimeouts timeouts = new RequestTimeouts(clock, Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        List<Long> seen = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(timeouts, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
                seen.add(clock.now());
                seen.add(clock.now());
            }
        });
        long before = readings;

        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII));
        channel.writeInbound(Unpooled.copiedBuffer("Host: x\r\n\r\n", StandardCharsets.US_ASCII));

        assertThat(readings - before).isEqualTo(2);
        assertThat(seen).hasSize(4);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(3)).isEqualTo(seen.get(2)).isGreaterThan(seen.get(0));
        channel.finishAndReleaseAll();
    }

    @Test
    void outsideAReadTheClockIsReadEachTime() {
        long first = clock.now();

        assertThat(clock.now()).isGreaterThan(first);
        assertThat(readings).isEqualTo(2);
    }

    @Test
    void aReadThatEndedDoesNotLendItsReadingToTheNext() {
        clock.readStarted();
        long during = clock.now();
        clock.readEnded();
        clock.readStarted();

        assertThat(clock.now()).isGreaterThan(during);
    }
}
