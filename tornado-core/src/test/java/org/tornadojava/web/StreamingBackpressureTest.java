package org.tornadojava.web;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that waits on each {@code flush()} holds only a few chunks however slow the reader is. Streams
 * {@code stream.bytes} (default 64 MiB) in 64 KiB chunks from an executor thread to a throttled reader and
 * watches the server's buffer memory. {@code mvn test -Dtest=StreamingBackpressureTest -Dstream.bytes=1073741824
 * -Dtest.jvm.args=-Xmx48m} repeats it with 1 GiB and a small heap.
 */
class StreamingBackpressureTest {
    private static final long BYTES = Long.getLong("stream.bytes", 64L * 1024 * 1024);
    private static final int CHUNK = 64 * 1024;

    static final class Endless extends RequestHandler {
        public CompletionStage<Void> get() {
            setHeader("Content-Length", BYTES);
            return runOnExecutor(() -> {
                byte[] chunk = new byte[CHUNK];
                for (long sent = 0; sent < BYTES; sent += CHUNK) {
                    write(chunk);
                    flush().join();
                }
                finish();
            });
        }
    }

    @Test
    void streamingToASlowReaderKeepsServerBuffersSmall() throws Exception {
        Application app = Application.builder().route("/endless", Endless::new).accessLog(false).build();
        ByteBufAllocatorMetricProvider metrics = (ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT;
        AtomicLong peakDirect = new AtomicLong();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (TestServer server = TestServer.start(app);
             RawHttpClient client = server.connect()) {
            client.write("GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long received = 0;
            long headerEnd = -1;
            int reads = 0;
            long start = System.nanoTime();
            while (headerEnd < 0 || received < headerEnd + BYTES) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                if (headerEnd < 0) {
                    String head = new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                    int end = head.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        headerEnd = received + end + 4;
                    }
                }
                received += n;
                if (++reads % 64 == 0) {
                    peakDirect.accumulateAndGet(metrics.metric().usedDirectMemory(), Math::max);
                }
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
            long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("streamed %d MiB to a throttled reader in %d ms; peak pooled direct memory %.1f MiB, "
                            + "peak heap (sum of pool peaks) %.1f MiB, max heap %d MiB%n",
                    BYTES >> 20, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    peakDirect.get() / 1048576.0, heapPeak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
            assertThat(received - headerEnd).isEqualTo(BYTES);
            assertThat(peakDirect.get()).isLessThan(32L * 1024 * 1024);
        }
    }
}
