package org.tornadojava.tcpclient;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.testing.Await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The order and parallelism of connection attempts, with attempts the test completes by hand. */
class HappyEyeballsTest {
    private static final InetSocketAddress V6_A = new InetSocketAddress("::1", 1);
    private static final InetSocketAddress V6_B = new InetSocketAddress("::1", 2);
    private static final InetSocketAddress V4 = new InetSocketAddress("127.0.0.1", 3);

    private static IOLoopGroup loops;
    private static IOLoop loop;

    private final List<InetSocketAddress> tried = new ArrayList<>();
    private final List<ChannelPromise> attempts = new ArrayList<>();

    @BeforeAll
    static void startLoop() {
        loops = new IOLoopGroup(1, Transport.AUTO);
        loop = loops.next();
    }

    @AfterAll
    static void stopLoop() {
        loops.close();
    }

    private static <T> T onLoop(Supplier<T> action) throws Exception {
        return CompletableFuture.supplyAsync(action, loop).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Channel> start(List<InetSocketAddress> addresses) throws Exception {
        return onLoop(() -> new HappyEyeballs(loop, addresses, address -> {
            tried.add(address);
            ChannelPromise attempt = new DefaultChannelPromise(new EmbeddedChannel(), loop.eventLoop());
            attempts.add(attempt);
            return attempt;
        }).start());
    }

    @Test
    void theOtherFamilyStartsOnlyAfterTheDelayWhenTheFirstAttemptHangs() throws Exception {
        CompletableFuture<Channel> winner = start(List.of(V6_A, V6_B, V4));
        assertThat(onLoop(() -> List.copyOf(tried))).containsExactly(V6_A);

        Await.until(() -> onLoopQuietly(() -> tried.size()) == 2);
        assertThat(onLoop(() -> List.copyOf(tried))).containsExactly(V6_A, V4);
        Channel v4 = onLoop(() -> {
            attempts.get(1).setSuccess();
            return attempts.get(1).channel();
        });

        assertThat(winner.get(10, TimeUnit.SECONDS)).isSameAs(v4);
        assertThat(attempts.get(0).channel().isOpen()).isFalse();
    }

    @Test
    void aFailedFirstAttemptTriesTheNextAndTheOtherFamilyAtOnce() throws Exception {
        CompletableFuture<Channel> winner = start(List.of(V6_A, V6_B, V4));

        List<InetSocketAddress> afterFailure = onLoop(() -> {
            attempts.get(0).setFailure(new IOException("refused"));
            return List.copyOf(tried);
        });

        assertThat(afterFailure).containsExactly(V6_A, V6_B, V4);
        assertThat(winner).isNotDone();
    }

    @Test
    void whenEveryAddressFailsTheLastErrorIsReported() throws Exception {
        CompletableFuture<Channel> winner = start(List.of(V4, V6_A));
        IOException last = new IOException("unreachable");

        onLoop(() -> {
            attempts.get(0).setFailure(new IOException("refused"));
            attempts.get(1).setFailure(last);
            return null;
        });

        assertThat(winner).isCompletedExceptionally();
        assertThat(winner.handle((channel, failure) -> failure).join()).isSameAs(last);
    }

    private <T> T onLoopQuietly(Supplier<T> action) {
        try {
            return onLoop(action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
