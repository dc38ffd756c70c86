package org.tornadojava.tcpclient;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Connects to the first address that answers, Tornado's {@code _Connector} (RFC 6555 "happy eyeballs"): the
 * addresses of the first one's family are tried one after the other; the other family starts in parallel after
 * {@value #SECONDARY_DELAY_MILLIS} ms, or at once when the first attempt fails. The first connection wins; every
 * other attempt is closed. Confined to one IOLoop: created, started and completed there.
 */
final class HappyEyeballs {
    static final long SECONDARY_DELAY_MILLIS = 300;

    private final IOLoop loop;
    private final Function<InetSocketAddress, ChannelFuture> connect;
    private final Iterator<InetSocketAddress> primary;
    private final Iterator<InetSocketAddress> secondary;
    private final CompletableFuture<Channel> winner = new CompletableFuture<>();
    private final Set<Channel> attempts = new HashSet<>();
    private int remaining;
    private Throwable lastError;
    private Timeout secondaryTimer;

    /**
     * Prepares the attempts. On the loop.
     *
     * @param loop the loop every attempt's channel is registered on
     * @param addresses the resolved addresses, in preference order; not empty
     * @param connect opens one connection (on {@code loop})
     */
    HappyEyeballs(IOLoop loop, List<InetSocketAddress> addresses, Function<InetSocketAddress, ChannelFuture> connect) {
        this.loop = loop;
        this.connect = connect;
        boolean firstIsV4 = addresses.get(0).getAddress() instanceof Inet4Address;
        List<InetSocketAddress> first = new ArrayList<>();
        List<InetSocketAddress> other = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            (address.getAddress() instanceof Inet4Address == firstIsV4 ? first : other).add(address);
        }
        this.primary = first.iterator();
        this.secondary = other.iterator();
        this.remaining = addresses.size();
    }

    /**
     * Starts connecting. On the loop.
     *
     * @return the winning connected channel, completed on the loop; failed with the last attempt's error when
     *         every address failed
     */
    CompletableFuture<Channel> start() {
        secondaryTimer = loop.callLater(Duration.ofMillis(SECONDARY_DELAY_MILLIS), this::startSecondary);
        tryNext(primary);
        return winner;
    }

    /** Gives up: fails the result with the reason and closes every attempt. On the loop. */
    void abandon(Throwable reason) {
        winner.completeExceptionally(reason);
        cancelTimer();
        closeAttempts();
    }

    private void tryNext(Iterator<InetSocketAddress> addresses) {
        if (!addresses.hasNext()) {
            if (remaining == 0 && !winner.isDone()) {
                winner.completeExceptionally(lastError != null ? lastError : new IOException("connection failed"));
            }
            return;
        }
        ChannelFuture attempt = connect.apply(addresses.next());
        attempts.add(attempt.channel());
        attempt.addListener(done -> finished(addresses, attempt));
    }

    private void finished(Iterator<InetSocketAddress> addresses, ChannelFuture attempt) {
        remaining--;
        attempts.remove(attempt.channel());
        if (!attempt.isSuccess()) {
            if (winner.isDone()) {
                return;
            }
            lastError = attempt.cause();
            tryNext(addresses);
            if (secondaryTimer != null) {
                // the first attempt failed: do not wait to try the other family
                cancelTimer();
                startSecondary();
            }
            return;
        }
        cancelTimer();
        if (!winner.complete(attempt.channel())) {
            attempt.channel().close();
            return;
        }
        closeAttempts();
    }

    private void startSecondary() {
        secondaryTimer = null;
        if (!winner.isDone()) {
            tryNext(secondary);
        }
    }

    private void cancelTimer() {
        if (secondaryTimer != null) {
            secondaryTimer.cancel();
            secondaryTimer = null;
        }
    }

    private void closeAttempts() {
        for (Channel channel : List.copyOf(attempts)) {
            channel.close();
        }
        attempts.clear();
    }
}
