package org.tornadojava.testing;

import ch.qos.logback.classic.Level;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Fails a test class when Netty's leak detector reports a {@link ByteBuf} that was collected without being
 * released while the class ran. {@link AsyncHttpTest} classes get it automatically; register it for every class
 * with JUnit's extension auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true} and this
 * class in {@code META-INF/services/org.junit.jupiter.api.extension.Extension}). Netty samples buffers unless
 * the JVM runs with {@code -Dio.netty.leakDetection.level=paranoid}, so set that for tests. Needs Logback as the
 * SLF4J binding. JUnit calls it on the test thread.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            LeakDetectionExtension.class);
    private static final int GC_ROUNDS = 3;

    /** Creates the extension; JUnit does this. */
    public LeakDetectionExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(this, LogCapture.of(ResourceLeakDetector.class.getName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try (LogCapture reports = context.getStore(NAMESPACE).remove(this, LogCapture.class)) {
            provokeLeakReports();
            List<String> leaks = reports.messagesAtLeast(Level.ERROR).stream()
                    .filter(message -> message.contains("LEAK"))
                    .collect(Collectors.toList());
            if (!leaks.isEmpty()) {
                throw new AssertionError("Netty reported " + leaks.size() + " leaked buffer(s) in "
                        + context.getDisplayName() + ":\n" + String.join("\n", leaks));
            }
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
