package org.tornadojava.iostream;

import ch.qos.logback.classic.Level;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.LogCapture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read algorithms, buffering, limits and close handling of {@link IOStream}, on an {@link EmbeddedChannel}. */
class IOStreamReadTest {
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private IOStream stream = new IOStream(channel);

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    private void receive(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private <T> T result(CompletableFuture<T> future) {
        channel.runPendingTasks();
        assertThat(future).isDone();
        return future.join();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Throwable realErrorOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        Throwable failure = future.handle((value, error) -> error).join();
        assertThat(failure).isInstanceOf(StreamClosedError.class);
        return ((StreamClosedError) failure).realError();
    }

    @Test
    void readUntilWaitsForTheDelimiterAcrossChunksAndKeepsWhatFollows() {
        CompletableFuture<byte[]> line = stream.readUntil("\r\n".getBytes(StandardCharsets.US_ASCII));
        receive("hel");
        receive("lo\r");
        assertThat(line).isNotDone();
        receive("\nrest");

        assertThat(text(result(line))).isEqualTo("hello\r\n");
        assertThat(text(result(stream.readBytes(4, false)))).isEqualTo("rest");
    }

    @Test
    void aLineLongerThanMaxBytesClosesTheStreamAndReleasesItsBuffer() {
        CompletableFuture<byte[]> line = stream.readUntil(NEWLINE, 16);
        receive("0123456789");
        assertThat(line).isNotDone();
        receive("abcdefgh");

        assertThat(realErrorOf(line)).isInstanceOf(UnsatisfiableReadError.class).hasMessageContaining("16 bytes");
        assertThat(stream.closed()).isTrue();
        assertThat(channel.isOpen()).isFalse();
        assertThat(stream.bufferedBytes()).isZero();
    }

    @Test
    void aDelimiterFoundBeyondMaxBytesIsUnsatisfiableToo() {
        receive("0123456789\n");

        CompletableFuture<byte[]> line = stream.readUntil(NEWLINE, 5);

        assertThat(realErrorOf(line)).isInstanceOf(UnsatisfiableReadError.class);
    }

    @Test
    void readUntilRegexEndsAtTheEndOfTheFirstMatch() {
        receive("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody");

        byte[] head = result(stream.readUntilRegex(Pattern.compile("\r?\n\r?\n"), 1024));

        assertThat(text(head)).isEqualTo("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(text(result(stream.readBytes(4, false)))).isEqualTo("body");
    }

    @Test
    void readBytesWaitsForTheCountUnlessPartial() {
        CompletableFuture<byte[]> whole = stream.readBytes(5, false);
        receive("abc");
        assertThat(whole).isNotDone();
        receive("defg");
        assertThat(text(result(whole))).isEqualTo("abcde");

        assertThat(text(result(stream.readBytes(10, true)))).isEqualTo("fg");
    }

    @Test
    void readIntoFillsTheTargetsRemainingSpace() {
        ByteBuffer target = ByteBuffer.allocate(8);
        target.put((byte) '>');
        CompletableFuture<Integer> filled = stream.readInto(target, false);
        receive("1234");
        assertThat(filled).isNotDone();
        receive("5678");

        assertThat(result(filled)).isEqualTo(7);
        assertThat(new String(target.array(), StandardCharsets.US_ASCII)).isEqualTo(">1234567");
        assertThat(target.hasRemaining()).isFalse();
        assertThat(text(result(stream.readBytes(1, false)))).isEqualTo("8");
    }

    @Test
    void readUntilCloseCompletesWithEverythingWhenThePeerCloses() {
        CompletableFuture<byte[]> all = stream.readUntilClose();
        receive("one ");
        receive("two");
        assertThat(all).isNotDone();

        channel.close();

        assertThat(text(result(all))).isEqualTo("one two");
    }

    @Test
    void bytesThatArrivedBeforeTheCloseCanStillBeReadThenReadsFailAtOnce() {
        receive("a\nb\n");
        channel.close();

        assertThat(text(result(stream.readUntil(NEWLINE)))).isEqualTo("a\n");
        assertThat(text(result(stream.readUntil(NEWLINE)))).isEqualTo("b\n");
        CompletableFuture<byte[]> after = stream.readUntil(NEWLINE);
        assertThat(realErrorOf(after)).isNull();
    }

    @Test
    void aSecondReadWhileOneIsPendingFails() {
        CompletableFuture<byte[]> first = stream.readUntil(NEWLINE);

        CompletableFuture<byte[]> second = stream.readBytes(1, false);

        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(second::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Already reading");
        receive("x\n");
        assertThat(text(result(first))).isEqualTo("x\n");
    }

    @Test
    void moreThanMaxBufferSizeUnreadBytesCloseTheStreamWithStreamBufferFullError() {
        stream.close();
        EmbeddedChannel small = new EmbeddedChannel();
        IOStream limited = new IOStream(small, 32);
        CompletableFuture<byte[]> line = limited.readUntil(NEWLINE);

        small.writeInbound(Unpooled.wrappedBuffer(new byte[40]));

        assertThat(realErrorOf(line)).isInstanceOf(StreamBufferFullError.class);
        assertThat(limited.closed()).isTrue();
        assertThat(limited.bufferedBytes()).isZero();
        small.finishAndReleaseAll();
    }

    @Test
    void readingStopsWhileNoReadIsPendingAndTheBufferIsFull() {
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[IOStream.READ_CHUNK_SIZE + 1]));
        assertThat(channel.config().isAutoRead()).isFalse();

        CompletableFuture<byte[]> line = stream.readUntil(NEWLINE);
        assertThat(channel.config().isAutoRead()).isTrue();

        receive("\n");
        assertThat(result(line)).hasSize(IOStream.READ_CHUNK_SIZE + 2);
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void aResetFailsThePendingReadWithTheRealCauseLoggedAtDebugOnly() {
        try (LogCapture logs = LogCapture.of("tornado")) {
            CompletableFuture<byte[]> line = stream.readUntil(NEWLINE);
            IOException reset = new IOException("Connection reset by peer");

            channel.pipeline().fireExceptionCaught(reset);

            assertThat(realErrorOf(line)).isSameAs(reset);
            assertThat(stream.error()).isSameAs(reset);
            assertThat(logs.messagesAtLeast(Level.INFO)).isEmpty();
            assertThat(logs.messagesOf("tornado.general")).anyMatch(m -> m.contains("Connection reset by peer"));
        }
    }

    @Test
    void manyBufferedLinesAreReadInALoopWithoutGrowingTheStack() {
        int lines = 100_000;
        receive("x\n".repeat(lines));
        AtomicInteger read = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();

        readLines(read, lines, done);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.isDone() && System.nanoTime() < deadline) {
            channel.runPendingTasks();
        }

        assertThat(done).isCompleted();
        assertThat(read).hasValue(lines);
    }

    private void readLines(AtomicInteger read, int lines, CompletableFuture<Void> done) {
        stream.readUntil(NEWLINE).whenComplete((line, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else if (read.incrementAndGet() == lines) {
                done.complete(null);
            } else {
                readLines(read, lines, done);
            }
        });
    }

    @Test
    void closeCallbackRunsOnceAndAtOnceWhenSetAfterTheClose() {
        List<String> calls = new ArrayList<>();
        stream.setCloseCallback(() -> calls.add("first"));
        stream.close();
        stream.close();
        stream.setCloseCallback(() -> calls.add("late"));

        assertThat(calls).containsExactly("first", "late");
    }

    @Test
    void writesReachTheChannelAndFailOnceClosed() {
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Void> written = stream.write(data);
        data[0] = 'J';

        assertThat(written).isCompleted();
        ByteBuf sent = channel.readOutbound();
        assertThat(sent.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        sent.release();

        stream.close();
        CompletableFuture<Void> late = stream.write(Unpooled.copiedBuffer("x", StandardCharsets.US_ASCII));
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(late::join).hasCauseInstanceOf(StreamClosedError.class);
    }
}
