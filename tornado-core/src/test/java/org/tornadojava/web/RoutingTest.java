package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {
    private static TestServer server;

    static final class NamedHandler extends RequestHandler {
        private String name;

        @Override
        protected void initialize(Map<String, Object> kwargs) {
            name = (String) kwargs.get("name");
        }

        public void get(String... args) {
            write(name + ":" + String.join(",", args));
        }
    }

    static final class TwoArgs extends RequestHandler {
        public void get(String a, String b) {
            write(a + "|" + b);
        }
    }

    static final class Reverser extends RequestHandler {
        public void get() {
            write(reverseUrl("pair", "x y", "z/é"));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/first/(.*)", NamedHandler::new, Map.of("name", "first"))
                .route("/first/literal", NamedHandler::new, Map.of("name", "shadowed"))
                .route("/literal", NamedHandler::new, Map.of("name", "literal"))
                .route(UrlSpec.of("/pair/([^/]+)/(.+)", TwoArgs::new).withName("pair"))
                .route("/reverse", Reverser::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstMatchingRouteWinsInDeclarationOrder() throws Exception {
        assertThat(server.get("/first/literal").text()).isEqualTo("first:literal");
        assertThat(server.get("/literal").text()).isEqualTo("literal:");
    }

    @Test
    void pathGroupsArePercentDecodedAndPassedAsArguments() throws Exception {
        RawResponse response = server.get("/pair/a%20b/c%2Fd%C3%A9");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("a b|c/dé");
    }

    @Test
    void invalidUtf8InAPathGroupIs400() throws Exception {
        assertThat(server.get("/pair/%FF/x").status()).isEqualTo(400);
    }

    @Test
    void reverseUrlBuildsPathsOfNamedRoutes() throws Exception {
        String path = server.get("/reverse").text();
        assertThat(path).isEqualTo("/pair/x%20y/z/%C3%A9");
        assertThat(server.get(path).text()).isEqualTo("x y|z/é");
    }

    @Test
    void unmatchedPathGetsTornadosExact404Page() throws Exception {
        RawResponse response = server.get("/nowhere");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.reason()).isEqualTo("Not Found");
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.text())
                .isEqualTo("<html><title>404: Not Found</title><body>404: Not Found</body></html>");
    }

    @Test
    void postToAnUnknownUrlIs404Too() throws Exception {
        assertThat(server.send("POST", "/nowhere", null, "a=b".getBytes()).status()).isEqualTo(404);
    }
}
