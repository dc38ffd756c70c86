package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.actuate.TornadoManagementServer;
import org.tornadojava.spring.boot.actuate.WebEndpointTable;
import org.tornadojava.spring.boot.test.TornadoTestClient;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoActuatorAutoConfigurationTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    TornadoActuatorAutoConfiguration.class))
            .withBean(HelloHandler.class)
            .withBean(GreetingEndpoint.class);

    /** An endpoint with a read, a selector and a write operation. */
    @Endpoint(id = "greeting")
    static class GreetingEndpoint {
        private volatile String greeting = "hello";

        @ReadOperation
        public Map<String, String> greeting() {
            return Map.of("greeting", greeting);
        }

        @ReadOperation
        public Map<String, String> greet(@Selector String name) {
            return name.equals("nobody") ? null : Map.of("greeting", greeting + " " + name);
        }

        @WriteOperation
        public void update(String greeting) {
            this.greeting = greeting;
        }
    }

    @Test
    void anExposedEndpointsOperationsAreServedWithArgumentsFromPathQueryAndBody() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=greeting").run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/actuator/greeting").body()).isEqualTo("{\"greeting\":\"hello\"}");
            assertThat(client.get("/actuator/greeting/ann%20lee").body()).isEqualTo("{\"greeting\":\"hello ann lee\"}");
            assertThat(client.get("/actuator/greeting/nobody").statusCode()).isEqualTo(404);
            assertThat(client.send("POST", "/actuator/greeting", "application/json", "{\"greeting\":\"hi\"}")
                    .statusCode()).isEqualTo(204);
            assertThat(client.get("/actuator/greeting").body()).isEqualTo("{\"greeting\":\"hi\"}");
            assertThat(client.send("POST", "/actuator/greeting?greeting=hey", "application/json", "").statusCode())
                    .isEqualTo(204);
            assertThat(client.get("/actuator/greeting").body()).isEqualTo("{\"greeting\":\"hey\"}");
            assertThat(client.send("POST", "/actuator/greeting", "application/json", "{}").statusCode())
                    .isEqualTo(400);
            assertThat(client.send("POST", "/actuator/greeting", "application/json", "{broken").statusCode())
                    .isEqualTo(400);
            assertThat(client.send("DELETE", "/actuator/greeting", "application/json", "").statusCode())
                    .isEqualTo(405);
            assertThat(client.get("/actuator/nothing-here").statusCode()).isEqualTo(404);
        });
    }

    @Test
    void onlyHealthIsExposedByDefault() {
        runner.run((context) -> {
            assertThat(context).hasSingleBean(WebEndpointTable.class);
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/actuator/greeting").statusCode()).isEqualTo(404);
            assertThat(client.get("/actuator").body()).contains("\"self\"").doesNotContain("greeting");
        });
    }

    @Test
    void basePathAndPathMappingMoveTheEndpoint() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=greeting",
                "management.endpoints.web.base-path=/ops", "management.endpoints.web.path-mapping.greeting=hi")
                .run((context) -> {
                    TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
                    assertThat(client.get("/ops/hi").body()).isEqualTo("{\"greeting\":\"hello\"}");
                    assertThat(client.get("/actuator/greeting").statusCode()).isEqualTo(404);
                });
    }

    @Test
    void aNegativeManagementPortServesNoEndpointOverHttp() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=greeting", "management.server.port=-1")
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(WebEndpointTable.class);
                    assertThat(context).doesNotHaveBean(TornadoManagementServer.class);
                    TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
                    assertThat(client.get("/actuator/greeting").statusCode()).isEqualTo(404);
                });
    }

    @Test
    void theManagementPortIsComparedWithTheTornadoPortThenServerPort() {
        assertThat(portType()).isEqualTo(ManagementPortType.SAME);
        assertThat(portType("management.server.port", "-1")).isEqualTo(ManagementPortType.DISABLED);
        assertThat(portType("management.server.port", "8888")).isEqualTo(ManagementPortType.SAME);
        assertThat(portType("management.server.port", "8081", "tornado.server.port", "8080"))
                .isEqualTo(ManagementPortType.DIFFERENT);
        assertThat(portType("management.server.port", "8080", "tornado.server.port", "8080"))
                .isEqualTo(ManagementPortType.SAME);
        assertThat(portType("management.server.port", "9000", "server.port", "9000"))
                .isEqualTo(ManagementPortType.SAME);
        assertThat(portType("management.server.port", "0", "tornado.server.port", "0"))
                .isEqualTo(ManagementPortType.DIFFERENT);
    }

    private static ManagementPortType portType(String... keysAndValues) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ManagementPortCondition.of(environment);
    }

    @Test
    void theManagementServerStartsAndStopsWithTheContext() {
        AtomicReference<TornadoManagementServer> server = new AtomicReference<>();
        runner.withPropertyValues("management.server.port=0", "management.server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=greeting").run((context) -> {
                    TornadoManagementServer management = context.getBean(TornadoManagementServer.class);
                    server.set(management);
                    assertThat(management.isRunning()).isTrue();
                    assertThat(context.getEnvironment().getProperty("local.management.port", Integer.class))
                            .isEqualTo(management.port());
                    assertThat(TornadoTestClient.of(management.port()).get("/actuator/greeting").body())
                            .isEqualTo("{\"greeting\":\"hello\"}");
                });
        assertThat(server.get().isRunning()).isFalse();
    }

    @Test
    void backsOffWithoutTheActuator() {
        runner.withClassLoader(new FilteredClassLoader(WebEndpointDiscoverer.class)).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WebEndpointTable.class);
        });
    }

    @Test
    void backsOffWithoutAnythingToServe() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TornadoAutoConfiguration.class,
                        EndpointAutoConfiguration.class, TornadoActuatorAutoConfiguration.class))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(WebEndpointTable.class);
                });
    }
}
