package org.tornadojava.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.Outbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read timeouts on an {@link EmbeddedChannel} whose time the test moves: the scheduled checks and the
 * {@link RequestClock} advance together, so no test waits for wall time.
 */
class RequestTimeoutsTest {
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration HEADER = Duration.ofSeconds(3);
    private static final Duration BODY = Duration.ofSeconds(5);
    private static final String REQUEST_TIMEOUT = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Length: 0\r\n\r\n";

    private long nanos = 1_000_000_000L;
    private final RequestTimeouts timeouts = new RequestTimeouts(new RequestClock(() -> nanos), IDLE, HEADER, BODY);
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        channel = new EmbeddedChannel(timeouts, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }
        });
        channel.freezeTime();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void advance(Duration duration) {
        nanos += duration.toNanos();
        channel.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
    }

    private String written() {
        return Outbound.drain(channel);
    }

    @Test
    void aNewConnectionThatSendsNothingIsClosedQuietlyAtTheHeaderTimeout() {
        advance(HEADER.minusNanos(1));
        assertThat(channel.isActive()).isTrue();

        advance(Duration.ofNanos(1));

        assertThat(channel.isActive()).isFalse();
        assertThat(written()).isEmpty();
    }

    @Test
    void aHeadStartedButNotFinishedInTimeGets408AndAClose() {
        advance(Duration.ofSeconds(2));
        receive("GET / HTTP/1.1\r\n");
        advance(HEADER.minusNanos(1));
        assertThat(channel.isActive()).isTrue();

        advance(Duration.ofNanos(1));

        assertThat(written()).isEqualTo(REQUEST_TIMEOUT);
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408EvenWhenItsDeadlineIsLaterThanTheHeadsTimer() {
        receive("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n");
        advance(Duration.ofSeconds(1));
        timeouts.headReceived(true);
        advance(BODY.minusNanos(1));
        assertThat(channel.isActive()).isTrue();

        advance(Duration.ofNanos(1));

        assertThat(written()).isEqualTo(REQUEST_TIMEOUT);
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void noTimerRunsWhileAHandlerWorksOnTheRequest() {
        receive("GET / HTTP/1.1\r\n\r\n");
        timeouts.headReceived(false);

        advance(Duration.ofHours(2));

        assertThat(channel.isActive()).isTrue();
        assertThat(written()).isEmpty();
    }

    @Test
    void aBodyReceivedStopsTheBodyTimeout() {
        receive("POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\n");
        timeouts.headReceived(true);
        timeouts.bodyReceived();

        advance(Duration.ofHours(2));

        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedQuietlyAtTheIdleTimeout() {
        receive("GET / HTTP/1.1\r\n\r\n");
        timeouts.headReceived(false);
        timeouts.responseStarted();
        timeouts.waitingForNextRequest();
        advance(IDLE.minusNanos(1));
        assertThat(channel.isActive()).isTrue();

        advance(Duration.ofNanos(1));

        assertThat(channel.isActive()).isFalse();
        assertThat(written()).isEmpty();
    }

    @Test
    void theNextRequestsFirstByteReplacesTheIdleTimeoutByTheHeaderTimeout() {
        receive("GET / HTTP/1.1\r\n\r\n");
        timeouts.headReceived(false);
        timeouts.waitingForNextRequest();
        advance(Duration.ofSeconds(8));
        receive("GET /next HTTP/1.1\r\n");

        advance(Duration.ofSeconds(2));
        assertThat(channel.isActive()).isTrue();
        advance(HEADER.minusSeconds(2));

        assertThat(written()).isEqualTo(REQUEST_TIMEOUT);
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aTimeoutAfterTheResponseStartedClosesWithoutA408() {
        receive("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n");
        timeouts.headReceived(true);
        timeouts.responseStarted();

        advance(BODY);

        assertThat(channel.isActive()).isFalse();
        assertThat(written()).isEmpty();
    }
}
