package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.Await;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every actuator path the demo exposes, over a real socket of the main Tornado server. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1",
    "tornado.access-log=false", "management.endpoints.web.exposure.include=health,info,metrics,prometheus,mappings",
    "management.endpoint.health.show-details=always", "management.info.env.enabled=true",
    "info.app.name=tornado-test"})
class TornadoActuatorEndpointsTests {
    private static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";
    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    private TornadoTestClient client;

    @Test
    void healthIsUpWithATornadoComponentAndDetails() {
        HttpResponse<String> response = client.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ACTUATOR_JSON);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("tornado").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("tornado").path("details").has("connections")).isTrue();
    }

    @Test
    void livenessAndReadinessGroupsAndASingleComponentHaveTheirOwnPaths() {
        assertThat(JSON.readTree(client.get("/actuator/health/liveness").body()).path("status").asString())
                .isEqualTo("UP");
        assertThat(JSON.readTree(client.get("/actuator/health/readiness").body()).path("status").asString())
                .isEqualTo("UP");
        assertThat(JSON.readTree(client.get("/actuator/health/tornado").body()).path("status").asString())
                .isEqualTo("UP");
        assertThat(client.get("/actuator/health/no-such-group").statusCode()).isEqualTo(404);
    }

    @Test
    void acceptingPlainJsonGetsApplicationJson() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/actuator/health"))
                .header("Accept", "application/json"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(client.send(HttpRequest.newBuilder(client.uri("/actuator/health")).header("Accept", "image/png"))
                .statusCode()).isEqualTo(406);
    }

    @Test
    void prometheusScrapeHasTheRequestTimerTaggedByRoutePatternAndEndpointPath() {
        client.get("/hello");
        client.get("/actuator/health/liveness");
        Await.until(() -> client.get("/actuator/prometheus").body()
                .contains("uri=\"/actuator/health/{*path}\""));
        HttpResponse<String> scrape = client.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*outcome=\"SUCCESS\"[^}]*status=\"200\",uri=\"/hello\"\\}");
        assertThat(scrape.body()).contains("tornado_connections");
    }

    @Test
    void metricsListsAndDescribesTheRequestTimer() {
        client.get("/hello");
        Await.until(() -> client.get("/actuator/metrics").body().contains("http.server.requests"));
        HttpResponse<String> timer = client.get("/actuator/metrics/http.server.requests?tag=uri:/hello");
        assertThat(timer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(timer.body()).path("name").asString()).isEqualTo("http.server.requests");
        assertThat(client.get("/actuator/metrics/no.such.meter").statusCode()).isEqualTo(404);
    }

    @Test
    void infoShowsTheInfoProperties() {
        JsonNode info = JSON.readTree(client.get("/actuator/info").body());
        assertThat(info.path("app").path("name").asString()).isEqualTo("tornado-test");
    }

    @Test
    void mappingsListsTornadoRoutesWithHandlerClassAndMethods() {
        JsonNode mappings = JSON.readTree(client.get("/actuator/mappings").body());
        JsonNode routes = mappings.path("contexts").values().iterator().next().path("mappings").path("tornado")
                .path("server");
        JsonNode hello = null;
        for (JsonNode route : routes) {
            if (route.path("pattern").asString().equals("/hello")) {
                hello = route;
            }
        }
        assertThat(hello).isNotNull();
        assertThat(hello.path("handler").asString()).isEqualTo(HelloHandler.class.getName());
        assertThat(hello.path("methods").toString()).isEqualTo("[\"GET\",\"HEAD\"]");
        assertThat(routes.toString()).contains("/actuator/health");
    }

    @Test
    void theBasePathLinksEveryExposedEndpoint() {
        JsonNode links = JSON.readTree(client.get("/actuator").body()).path("_links");
        assertThat(links.path("health").path("href").asString())
                .isEqualTo("http://127.0.0.1:" + client.port() + "/actuator/health");
        assertThat(links.has("prometheus")).isTrue();
        assertThat(links.has("beans")).isFalse();
    }

    @Test
    void anEndpointThatIsNotExposedIsNotFound() {
        assertThat(client.get("/actuator/beans").statusCode()).isEqualTo(404);
        assertThat(client.get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloHandler.class)
    static class App {
    }
}
