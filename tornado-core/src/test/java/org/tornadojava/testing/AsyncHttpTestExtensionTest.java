package org.tornadojava.testing;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@AsyncHttpTest
class AsyncHttpTestExtensionTest {
    private AsyncHttpTestServer fromBeforeEach;

    static final class Hello extends RequestHandler {
        public void get() {
            write("Hello, world");
        }

        public void post() {
            write(request().body().length + " bytes");
        }
    }

    @TestApplication
    Application app() {
        return Application.builder().route("/", Hello::new).build();
    }

    @TestServerOptions
    HttpServerOptions options() {
        return new HttpServerOptions().maxBodySize(4);
    }

    @BeforeEach
    void remember(AsyncHttpTestServer server) {
        fromBeforeEach = server;
    }

    @Test
    void theTestReceivesTheRunningApplication(AsyncHttpTestServer server) {
        assertThat(server).isSameAs(fromBeforeEach);
        assertThat(server.fetch("/").text()).isEqualTo("Hello, world");
    }

    @Test
    void theServerOptionsMemberConfiguresTheServer(AsyncHttpTestServer server) {
        assertThat(server.fetch(server.request("/").method("POST").body("four").build()).text())
                .isEqualTo("4 bytes");
        assertThat(server.fetch(server.request("/").method("POST").body("fives").build()).code()).isEqualTo(413);
    }

    @Test
    void anInstanceApplicationGetsAServerPerTestAndAStaticOneAServerPerClass() {
        PerTestFixture.SEEN.clear();
        PerClassFixture.SEEN.clear();
        assertThat(FixtureRunner.run(PerTestFixture.class).getTestsSucceededCount()).isEqualTo(2);
        assertThat(FixtureRunner.run(PerClassFixture.class).getTestsSucceededCount()).isEqualTo(2);

        assertThat(PerTestFixture.SEEN).hasSize(2);
        assertThat(PerTestFixture.SEEN.get(0)).isNotSameAs(PerTestFixture.SEEN.get(1));
        assertThat(PerClassFixture.SEEN).hasSize(2);
        assertThat(PerClassFixture.SEEN.get(0)).isSameAs(PerClassFixture.SEEN.get(1));
        assertThat(PerTestFixture.SEEN).allMatch(server -> !server.server().isRunning());
        assertThat(PerClassFixture.SEEN).allMatch(server -> !server.server().isRunning());
    }

    @Test
    void aClassWithoutAnApplicationFailsWithAClearMessage() {
        TestExecutionSummary summary = FixtureRunner.run(NoApplication.class);
        assertThat(FixtureRunner.failures(summary)).singleElement(InstanceOfAssertFactories.THROWABLE)
                .extracting(Throwable::getMessage).asString()
                .contains("without a @TestApplication");
    }

    /** Records the server each of its two tests receives. */
    abstract static class RecordsItsServers {
        abstract List<AsyncHttpTestServer> seen();

        @Test
        void first(AsyncHttpTestServer server) {
            seen().add(server);
        }

        @Test
        void second(AsyncHttpTestServer server) {
            seen().add(server);
        }
    }

    @Fixture
    @AsyncHttpTest
    static class PerTestFixture extends RecordsItsServers {
        static final List<AsyncHttpTestServer> SEEN = new CopyOnWriteArrayList<>();

        @TestApplication
        Application app() {
            return Application.builder().route("/", Hello::new).build();
        }

        @Override
        List<AsyncHttpTestServer> seen() {
            return SEEN;
        }
    }

    @Fixture
    @AsyncHttpTest
    static class PerClassFixture extends RecordsItsServers {
        static final List<AsyncHttpTestServer> SEEN = new CopyOnWriteArrayList<>();

        @TestApplication
        static final Application APP = Application.builder().route("/", Hello::new).build();

        @Override
        List<AsyncHttpTestServer> seen() {
            return SEEN;
        }
    }

    @Fixture
    @AsyncHttpTest
    static class NoApplication {
        @Test
        void neverRuns() {
        }
    }
}
