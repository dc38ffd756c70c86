package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.Await;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrations seen through Boot's own auto-configured meter registry and health registry. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1",
    "tornado.access-log=false"})
class BootIntegrationTests {
    @Autowired
    private TornadoTestClient client;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private HealthContributorRegistry health;

    @Test
    void requestsReachTheAutoConfiguredMeterRegistry() {
        assertThat(client.get("/hello").body()).isEqualTo("hello");
        Await.until(() -> registry.find("http.server.requests").tags("uri", "/hello", "status", "200")
                .timer() != null);
        assertThat(registry.get("http.server.requests").tags("uri", "/hello", "method", "GET", "outcome", "SUCCESS",
                "exception", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get("tornado.connections").gauge()).isNotNull();
    }

    @Test
    void theServerIsAHealthContributorNamedTornado() {
        HealthIndicator indicator = (HealthIndicator) health.getContributor("tornado");
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloHandler.class)
    static class App {
    }
}
