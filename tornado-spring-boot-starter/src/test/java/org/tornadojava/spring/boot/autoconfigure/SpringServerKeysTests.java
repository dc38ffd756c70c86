package org.tornadojava.spring.boot.autoconfigure;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's {@code server.*} keys in a context where Tornado is the only web server. */
class SpringServerKeysTests {
    static ApplicationContextRunner runnerWithoutTornadoPort() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TornadoAutoConfiguration.class))
                .withPropertyValues("tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1",
                        "tornado.access-log=false");
    }

    @Test
    void serverPortIsUsedWhenTornadoServerPortIsNotSetAndBothLocalPortsArePublished() {
        runnerWithoutTornadoPort().withBean(HelloHandler.class).withPropertyValues("server.port=0").run((context) -> {
            HttpServer server = context.getBean(HttpServer.class);
            assertThat(server.port()).isPositive().isNotEqualTo(8888);
            assertThat(context.getEnvironment().getProperty("local.tornado.port", Integer.class))
                    .isEqualTo(server.port());
            assertThat(context.getEnvironment().getProperty("local.server.port", Integer.class))
                    .isEqualTo(server.port());
            assertThat(TornadoTestClient.of(server).get("/hello").body()).isEqualTo("hello");
        });
    }

    @Test
    void tornadoServerPortWinsOverServerPortAndServerPortIsNamedAsIgnored() {
        try (LogCapture logs = LogCapture.of(TornadoAutoConfiguration.class.getName())) {
            runnerWithoutTornadoPort().withBean(HelloHandler.class)
                    .withPropertyValues("tornado.server.port=0", "server.port=1").run((context) -> {
                        assertThat(context.getBean(HttpServer.class).port()).isNotEqualTo(1);
                    });
            assertThat(logs.messagesAtLeast(Level.WARN)).containsExactly("Spring's server.port is ignored: Tornado "
                    + "is the web server and reads tornado.server.* (see docs/configuration.md)");
        }
    }

    @Test
    void otherServerKeysAreNamedInOneWarnLine() {
        try (LogCapture logs = LogCapture.of(TornadoAutoConfiguration.class.getName())) {
            TestContexts.runner().withBean(HelloHandler.class)
                    .withPropertyValues("server.servlet.context-path=/app", "server.compression.enabled=true")
                    .run((context) -> assertThat(context).hasNotFailed());
            assertThat(logs.messagesAtLeast(Level.WARN)).containsExactly("Spring's server.compression.enabled, "
                    + "server.servlet.context-path are ignored: Tornado is the web server and reads tornado.server.* "
                    + "(see docs/configuration.md)");
        }
    }

    @Test
    void withoutServerKeysNothingIsLoggedAboutThem() {
        try (LogCapture logs = LogCapture.of(TornadoAutoConfiguration.class.getName())) {
            TestContexts.runner().withBean(HelloHandler.class).run((context) -> assertThat(context).hasNotFailed());
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }
}
