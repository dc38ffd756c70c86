package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.spring.boot.actuate.TornadoManagementServer;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code management.server.port} different from the main port: the endpoints move to a second Tornado server. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1",
    "tornado.access-log=false", "management.server.port=0", "management.server.address=127.0.0.1",
    "management.server.base-path=/manage", "management.endpoints.web.exposure.include=health,mappings"})
class TornadoManagementServerTests {
    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    private TornadoTestClient client;

    @Autowired
    private TornadoManagementServer managementServer;

    @Value("${local.management.port}")
    private int managementPort;

    @Test
    void theEndpointsAreServedOnTheManagementPortUnderItsBasePathOnly() {
        assertThat(managementPort).isPositive().isEqualTo(managementServer.port()).isNotEqualTo(client.port());
        TornadoTestClient management = TornadoTestClient.of(managementPort);
        JsonNode health = JSON.readTree(management.get("/manage/actuator/health").body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(management.get("/manage/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management.get("/hello").statusCode()).isEqualTo(404);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(client.get("/manage/actuator/health").statusCode()).isEqualTo(404);
        assertThat(client.get("/hello").body()).isEqualTo("hello");
    }

    @Test
    void mappingsListBothServers() {
        JsonNode mappings = JSON.readTree(TornadoTestClient.of(managementPort).get("/manage/actuator/mappings").body());
        JsonNode tornado = mappings.path("contexts").values().iterator().next().path("mappings").path("tornado");
        assertThat(tornado.path("server").toString()).contains("\"/hello\"").doesNotContain("actuator");
        assertThat(tornado.path("management").toString()).contains("/manage/actuator/health/{*path}");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloHandler.class)
    static class App {
    }
}
