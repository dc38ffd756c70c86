package org.tornadojava.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Fails a test class when Netty's leak detector reports a leaked buffer while it ran. Registered for every test
 * class through JUnit's extension auto-detection; the build runs with {@code -Dio.netty.leakDetection.level=paranoid}.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("leaks");

    @Override
    public void beforeAll(ExtensionContext context) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        leakLogger().addAppender(appender);
        context.getStore(NAMESPACE).put("appender", appender);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> appender = context.getStore(NAMESPACE).get("appender", ListAppender.class);
        try {
            for (int round = 0; round < 3; round++) {
                System.gc();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40));
                // Leak reports are emitted when a tracked buffer is allocated after the leaked one was collected.
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(1);
                pooled.release();
                ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(1);
                heap.release();
            }
            List<String> leaks = appender.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.contains("LEAK"))
                    .collect(Collectors.toList());
            if (!leaks.isEmpty()) {
                throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) in "
                        + context.getDisplayName() + ":\n" + String.join("\n", leaks));
            }
        } finally {
            leakLogger().detachAppender(appender);
        }
    }

    private static Logger leakLogger() {
        return (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    }
}
