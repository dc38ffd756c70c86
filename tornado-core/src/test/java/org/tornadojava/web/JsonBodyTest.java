package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** getJsonBody: the body bound to a record or a generic type; every client mistake a 400 with a one-line reason. */
class JsonBodyTest {
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final int IN_MEMORY = 1024;
    private static TestServer server;

    record Item(String name, int count) {
    }

    record Order(String customer, List<Item> items) {
    }

    /** Echoes the bound order. */
    static final class OrderHandler extends RequestHandler {
        public void post() {
            Order order = getJsonBody(Order.class);
            write(order.customer() + ":" + order.items());
        }
    }

    /** Binds a top-level list through a TypeReference. */
    static final class ItemsHandler extends RequestHandler {
        public void post() {
            List<Item> items = getJsonBody(new TypeReference<List<Item>>() {
            });
            write(items.get(0).getClass().getSimpleName() + ":" + items);
        }
    }

    /** A type Jackson cannot bind at all: the programmer's mistake. */
    static final class UnbindableHandler extends RequestHandler {
        public void post() {
            getJsonBody(Runnable.class);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                        .route("/order", OrderHandler::new)
                        .route("/items", ItemsHandler::new)
                        .route("/unbindable", UnbindableHandler::new)
                        .build(),
                new HttpServerOptions().maxInMemoryBody(IN_MEMORY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawResponse post(String path, String headers, String body) throws Exception {
        return server.send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bodyIsBoundToARecordWithNestedValues() throws Exception {
        RawResponse response = post("/order", JSON,
                "{\"customer\":\"ada\",\"items\":[{\"name\":\"tea\",\"count\":2}]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("ada:[Item[name=tea, count=2]]");
    }

    @Test
    void typeReferenceBindsGenericTypes() throws Exception {
        RawResponse response = post("/items", JSON, "[{\"name\":\"tea\",\"count\":2}]");
        assertThat(response.text()).isEqualTo("Item:[Item[name=tea, count=2]]");
    }

    @Test
    void jsonSuffixMediaTypesAndAMissingContentTypeAreAccepted() throws Exception {
        String body = "{\"customer\":\"ada\",\"items\":[]}";
        assertThat(post("/order", "Content-Type: application/vnd.order+json; charset=utf-8\r\n", body).text())
                .isEqualTo("ada:[]");
        assertThat(post("/order", "", body).text()).isEqualTo("ada:[]");
    }

    @Test
    void bodySpilledToAFileIsReadFromIt() throws Exception {
        String name = "x".repeat(IN_MEMORY * 4);
        RawResponse response = post("/order", JSON,
                "{\"customer\":\"" + name + "\",\"items\":[{\"name\":\"tea\",\"count\":1}]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo(name + ":[Item[name=tea, count=1]]");
    }

    @Test
    void eachClientMistakeIs400WithAOneLineReasonAndNoStackTraceInTheLog() throws Exception {
        Map<String, String[]> cases = Map.of(
                "Malformed JSON body", new String[] {JSON, "{\"customer\":"},
                "Invalid JSON value at items[0].count", new String[] {JSON,
                        "{\"customer\":\"ada\",\"items\":[{\"name\":\"tea\",\"count\":\"many\"}]}"},
                "Invalid JSON body", new String[] {JSON, "[1,2]"},
                "Empty JSON body", new String[] {JSON, ""},
                "Content-Type must be application/json", new String[] {"Content-Type: text/plain\r\n", "{}"});
        try (LogCapture logs = LogCapture.of("tornado.general", "tornado.application")) {
            for (Map.Entry<String, String[]> entry : cases.entrySet()) {
                RawResponse response = post("/order", entry.getValue()[0], entry.getValue()[1]);
                assertThat(response.status()).as(entry.getKey()).isEqualTo(400);
                assertThat(response.reason()).isEqualTo(entry.getKey());
                assertThat(response.text()).isEqualTo("<html><title>400: " + entry.getKey() + "</title><body>400: "
                        + entry.getKey() + "</body></html>");
            }
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
            assertThat(logs.messagesAtLeast(Level.INFO)).isEmpty();
        }
    }

    @Test
    void jsonNullIsAnEmptyBody() throws Exception {
        RawResponse response = post("/order", JSON, "null");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Empty JSON body");
    }

    @Test
    void aTypeJacksonCannotBindIsTheProgrammersMistake() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            assertThat(post("/unbindable", JSON, "{}").status()).isEqualTo(500);
            assertThat(logs.messagesAtLeast(Level.ERROR)).hasSize(1);
        }
    }

    @Test
    void unknownPropertiesAreIgnoredAsJackson3DoesByDefault() throws Exception {
        RawResponse response = postWithUnknownProperty(server);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("ada:[]");
    }

    @Test
    void theApplicationsMapperIsUsedAndAnUnknownPropertyIsNamed() throws Exception {
        Application application = Application.builder()
                .jsonMapper(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())
                .route("/order", OrderHandler::new)
                .build();
        try (TestServer strict = TestServer.start(application)) {
            RawResponse response = postWithUnknownProperty(strict);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.reason()).isEqualTo("Unknown JSON property colour");
        }
    }

    private static RawResponse postWithUnknownProperty(TestServer target) throws Exception {
        return target.send("POST", "/order", JSON,
                "{\"customer\":\"ada\",\"colour\":\"red\",\"items\":[]}".getBytes(StandardCharsets.UTF_8));
    }
}
