package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.spring.boot.actuate.ActuatorSecurity;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.security.Principal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Health's {@code show-details: when-authorized} follows the application's {@link ActuatorSecurity} bean. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1",
    "tornado.access-log=false", "management.endpoint.health.show-details=when-authorized",
    "management.endpoint.health.roles=ops"})
class TornadoActuatorSecurityTests {
    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    private TornadoTestClient client;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloHandler.class)
    static class App {
        /** A request carrying {@code X-Ops-Token: s3cret} is user "ops-bot" in role "ops"; others are anonymous. */
        @Bean
        ActuatorSecurity actuatorSecurity() {
            return (handler) -> "s3cret".equals(handler.request().headers().get("X-Ops-Token"))
                    ? new Operator("ops-bot", "ops") : SecurityContext.NONE;
        }
    }

    private record Operator(String name, String role) implements SecurityContext {
        @Override
        public Principal getPrincipal() {
            return () -> name;
        }

        @Override
        public boolean isUserInRole(String asked) {
            return Set.of(role).contains(asked);
        }
    }

    @Test
    void anAnonymousRequestSeesOnlyTheStatus() {
        JsonNode health = JSON.readTree(client.get("/actuator/health").body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
    }

    @Test
    void aRequestTheBeanAuthorisesInTheConfiguredRoleSeesTheComponents() {
        JsonNode health = JSON.readTree(client.send(HttpRequest.newBuilder(client.uri("/actuator/health"))
                .header("X-Ops-Token", "s3cret")).body());
        assertThat(health.path("components").path("tornado").path("status").asString()).isEqualTo("UP");
    }
}
