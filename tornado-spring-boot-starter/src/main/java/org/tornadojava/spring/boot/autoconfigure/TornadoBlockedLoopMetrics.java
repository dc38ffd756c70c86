package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.tornadojava.ioloop.BlockedLoopListener;
import org.tornadojava.ioloop.IOLoop;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the blocked episodes the IOLoop watchdog reports ({@code tornado.ioloop.blocked-threshold}) as the
 * counter {@value #COUNTER}. {@link #loopBlocked} runs on the watchdog thread, {@link #bindTo} on the thread
 * creating the registry; both are thread-safe.
 */
public class TornadoBlockedLoopMetrics implements BlockedLoopListener, MeterBinder {
    /** Name of the counter of blocked-loop episodes. */
    public static final String COUNTER = "tornado.ioloop.blocked";

    private final LongAdder blocked = new LongAdder();

    /** Counts one episode. Watchdog thread. */
    @Override
    public void loopBlocked(IOLoop loop, Duration blockedFor) {
        blocked.increment();
    }

    /** Registers the counter. Any thread. */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(COUNTER, blocked, LongAdder::sum)
                .description("Times an IOLoop was stuck in one task longer than tornado.ioloop.blocked-threshold")
                .register(registry);
    }
}
