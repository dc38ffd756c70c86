package org.tornadojava.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Fails a test class when Netty's leak detector reports a {@link ByteBuf} that was collected without being
 * released: after the class's last test it collects garbage and takes the reports that came since the previous
 * class ended (a class run inside another's test takes its own first). {@link AsyncHttpTest} classes get it
 * automatically; register it for every class
 * with JUnit's extension auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true} and this
 * class in {@code META-INF/services/org.junit.jupiter.api.extension.Extension}). Netty samples buffers unless
 * the JVM runs with {@code -Dio.netty.leakDetection.level=paranoid}, so set that for tests. Needs Logback as the
 * SLF4J binding. JUnit calls it on the test thread.
 */
public final class LeakDetectionExtension implements AfterAllCallback {
    private static final int GC_ROUNDS = 3;
    /** Reports of the whole JVM; each class takes those that came before its end, nested runs first. */
    private static final LogCapture REPORTS = LogCapture.of(ResourceLeakDetector.class.getName());

    /** Creates the extension; JUnit does this. */
    public LeakDetectionExtension() {
    }

    @Override
    public void afterAll(ExtensionContext context) {
        provokeLeakReports();
        List<String> leaks = REPORTS.drain().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("LEAK"))
                .collect(Collectors.toList());
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) in "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /** Netty reports a leak when a tracked buffer is allocated after the leaked one was collected. */
    private static void provokeLeakReports() {
        for (int round = 0; round < GC_ROUNDS; round++) {
            System.gc();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40));
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(1);
            pooled.release();
            ByteBuf heap = UnpooledByteBufAllocator.DEFAULT.heapBuffer(1);
            heap.release();
        }
    }
}
