package org.tornadojava.httpclient;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.testing.Await.until;

/** The idle side of the pool: what leaves it, and that nothing is left behind for a host once it is empty. */
class ConnectionPoolTest {
    private static final PoolKey KEY = new PoolKey(false, "example.com", 80, true, null);

    private IOLoopGroup loops;
    private IOLoop loop;

    @BeforeEach
    void start() {
        loops = new IOLoopGroup(1, Transport.AUTO);
        loop = loops.loops().get(0);
    }

    @AfterEach
    void stop() {
        loops.close();
    }

    private ClientConnection idleConnection(EmbeddedChannel channel) {
        return new ClientConnection(channel, KEY, loop, new ResponseReader(KEY));
    }

    private void onLoop(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            action.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theIdleTimeoutClosesTheConnectionAndForgetsTheHost() throws Exception {
        ConnectionPool pool = new ConnectionPool(10, Duration.ofMillis(50));
        EmbeddedChannel channel = new EmbeddedChannel();

        onLoop(() -> pool.offer(idleConnection(channel)));
        assertThat(pool.loopWithIdle(KEY)).isSameAs(loop);

        until(() -> pool.loopWithIdle(KEY) == null);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aConnectionClosedWhileIdleLeavesThePool() throws Exception {
        ConnectionPool pool = new ConnectionPool(10, Duration.ofMinutes(1));
        EmbeddedChannel channel = new EmbeddedChannel();
        onLoop(() -> pool.offer(idleConnection(channel)));

        onLoop(channel::close);

        assertThat(pool.loopWithIdle(KEY)).isNull();
        ClientConnection[] taken = new ClientConnection[1];
        onLoop(() -> taken[0] = pool.takeIdle(KEY, loop));
        assertThat(taken[0]).isNull();
    }

    @Test
    void theNewestIdleConnectionIsTakenFirst() throws Exception {
        ConnectionPool pool = new ConnectionPool(10, Duration.ofMinutes(1));
        ClientConnection older = idleConnection(new EmbeddedChannel());
        ClientConnection newer = idleConnection(new EmbeddedChannel());
        onLoop(() -> {
            pool.offer(older);
            pool.offer(newer);
        });

        ClientConnection[] taken = new ClientConnection[2];
        onLoop(() -> {
            taken[0] = pool.takeIdle(KEY, loop);
            taken[1] = pool.takeIdle(KEY, loop);
        });

        assertThat(taken).containsExactly(newer, older);
        assertThat(pool.loopWithIdle(KEY)).isNull();
    }

    @Test
    void aConnectionOfferedAfterCloseIsClosed() throws Exception {
        ConnectionPool pool = new ConnectionPool(10, Duration.ofMinutes(1));
        EmbeddedChannel channel = new EmbeddedChannel();
        pool.close();

        onLoop(() -> pool.offer(idleConnection(channel)));

        assertThat(channel.isOpen()).isFalse();
        assertThat(pool.loopWithIdle(KEY)).isNull();
    }
}
