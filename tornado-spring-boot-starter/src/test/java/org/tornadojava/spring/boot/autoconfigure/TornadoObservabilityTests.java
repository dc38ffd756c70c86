package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tornadojava.http.HttpServer;
import org.tornadojava.testing.Await;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoObservabilityTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withBean(HelloHandler.class);

    @Test
    void gaugesFollowConnectionsAndTheExecutor() {
        runner.run((context) -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(registry));
            assertThat(registry.get("tornado.connections").gauge().value()).isZero();
            assertThat(registry.get("tornado.requests.active").gauge().value()).isZero();
            assertThat(registry.get("tornado.executor.active").gauge().value()).isZero();
            assertThat(registry.get("tornado.executor.queued").gauge().value()).isZero();
            HttpServer server = context.getBean(HttpServer.class);
            try (java.net.Socket open = new java.net.Socket("127.0.0.1", server.port())) {
                Await.until(() -> registry.get("tornado.connections").gauge().value() == 1);
                assertThat(open.isConnected()).isTrue();
            }
        });
    }

    @Test
    void healthIsUpWhileServingAndDownAfterStop() {
        runner.run((context) -> {
            TornadoHealthIndicator indicator = context.getBean(TornadoHealthIndicator.class);
            HttpServer server = context.getBean(HttpServer.class);
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("port", server.port()).containsKeys("connections",
                    "requestsInFlight", "executorActive", "executorQueued");
            server.shutdownGracefully(Duration.ofSeconds(1));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }
}
