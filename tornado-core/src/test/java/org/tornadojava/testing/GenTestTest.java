package org.tornadojava.testing;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AsyncHttpTest
class GenTestTest {
    static final class Hello extends RequestHandler {
        public void get() {
            write("Hello, world");
        }
    }

    @TestApplication
    static Application app() {
        return Application.builder().route("/", Hello::new).build();
    }

    @GenTest
    void runsOnTheServersLoopAndCompletesThereToo(AsyncHttpTestServer server, GenTestContext gen) {
        IOLoop loop = IOLoop.current();
        assertThat(server.loops().loops()).contains(loop);
        gen.finishWith(server.fetchAsync(server.request("/").build()).thenAccept(response -> {
            assertThat(response.text()).isEqualTo("Hello, world");
            assertThat(IOLoop.current()).isSameAs(loop);
        }));
    }

    @Test
    void anExceptionalCompletionFailsTheTestWithItsCause() {
        List<Throwable> failures = FixtureRunner.failures(FixtureRunner.run(Failing.class));
        assertThat(failures).singleElement(InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the handler broke");
    }

    @Test
    void aTimeoutFailsWithTheStackOfTheStuckIOLoop() {
        Stuck.RELEASE = new CountDownLatch(1);
        List<Throwable> failures;
        try {
            failures = FixtureRunner.failures(FixtureRunner.run(Stuck.class));
        } finally {
            Stuck.RELEASE.countDown();
        }
        assertThat(failures).singleElement(InstanceOfAssertFactories.THROWABLE).isInstanceOf(AssertionError.class)
                .hasMessageContaining("@GenTest blocksTheLoop did not finish within PT0.3S");
        Throwable where = failures.get(0).getSuppressed()[0];
        assertThat(where).hasMessageContaining("stack of IOLoop thread tornado-ioloop");
        assertThat(where.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("blocksTheLoop"));
    }

    @Test
    void aTimeoutCancelsTheStageThatNeverCompleted() {
        Pending.STAGE = new CompletableFuture<>();
        List<Throwable> failures = FixtureRunner.failures(FixtureRunner.run(Pending.class));
        assertThat(failures).singleElement(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("did not finish within");
        assertThat(Pending.STAGE).isCancelled();
    }

    @Test
    void aSecondFinishWithIsRefused() {
        GenTestContext gen = new GenTestContext();
        gen.finishWith(CompletableFuture.completedFuture(null));
        assertThatThrownBy(() -> gen.finishWith(CompletableFuture.completedFuture(null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already called");
    }

    @Test
    void aGenTestOutsideAnAsyncHttpTestRunsOnAnIOLoopOfItsOwn() {
        assertThat(FixtureRunner.run(OwnLoop.class).getTestsSucceededCount()).isEqualTo(1);
        assertThat(OwnLoop.RAN_ON.getNow(null)).startsWith("tornado-ioloop");
    }

    @Fixture
    @AsyncHttpTest
    static class Failing {
        @TestApplication
        static Application app() {
            return GenTestTest.app();
        }

        @GenTest
        void failsLater(AsyncHttpTestServer server, GenTestContext gen) {
            gen.finishWith(server.fetchAsync(server.request("/").build()).thenAccept((HttpResponse response) -> {
                throw new IllegalStateException("the handler broke");
            }));
        }
    }

    @Fixture
    static class Stuck {
        static CountDownLatch RELEASE;

        @GenTest(timeout = 0.3)
        void blocksTheLoop() throws InterruptedException {
            RELEASE.await(10, TimeUnit.SECONDS);
        }
    }

    @Fixture
    static class Pending {
        static CompletableFuture<Void> STAGE;

        @GenTest(timeout = 0.3)
        void neverFinishes(GenTestContext gen) {
            gen.finishWith(STAGE);
        }
    }

    @Fixture
    static class OwnLoop {
        static final CompletableFuture<String> RAN_ON = new CompletableFuture<>();

        @GenTest
        void recordsItsThread() {
            RAN_ON.complete(Thread.currentThread().getName());
        }
    }
}
