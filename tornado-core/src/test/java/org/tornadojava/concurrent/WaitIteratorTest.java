package org.tornadojava.concurrent;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.OnLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitIteratorTest {
    private static IOLoopGroup group;

    @BeforeAll
    static void start() {
        group = new IOLoopGroup(2, Transport.AUTO);
    }

    @AfterAll
    static void stop() {
        group.close();
    }

    @Test
    void resultsArriveInCompletionOrderWithTheirIndex() throws Exception {
        List<CompletableFuture<String>> stages = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>());
        WaitIterator<String> it = new WaitIterator<>(stages);
        CompletableFuture<String> first = it.next();
        assertThat(first).isNotDone();
        stages.get(2).complete("c");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(it.currentIndex()).isEqualTo(2);
        assertThat(it.currentFuture()).isSameAs(stages.get(2));
        stages.get(0).complete("a");
        stages.get(1).completeExceptionally(new IllegalStateException("b failed"));
        assertThat(it.next().get(5, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(it.currentIndex()).isZero();
        CompletableFuture<String> failed = it.next();
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("b failed");
        assertThat(it.currentIndex()).isEqualTo(1);
        assertThat(it.done()).isTrue();
        assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitingNextCompletesOnTheCallersLoop() throws Exception {
        IOLoop waiterLoop = group.loops().get(0);
        CompletableFuture<Integer> stage = new CompletableFuture<>();
        WaitIterator<Integer> it = new WaitIterator<>(List.of(stage));
        CompletableFuture<Thread> thread = OnLoop.completionThread(waiterLoop, it::next);
        group.loops().get(1).addCallback(() -> stage.complete(1));
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(waiterLoop));
    }

    @Test
    void walkingAllResultsSeesEachStageOnce() throws Exception {
        List<CompletableFuture<Integer>> stages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            stages.add(group.next().sleep(java.time.Duration.ofMillis(50 - i)).thenApply(v -> n));
        }
        WaitIterator<Integer> it = new WaitIterator<>(stages);
        List<Integer> seen = new ArrayList<>();
        while (!it.done()) {
            Integer value = it.next().get(5, TimeUnit.SECONDS);
            assertThat(it.currentIndex()).isEqualTo(value);
            seen.add(value);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }
}
