package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed argument getters: the value parsed, 400 "Missing argument" without one, 400 naming a malformed one. */
class TypedArgumentsTest {
    private static TestServer server;

    enum Sort { NEWEST, oldest }

    /** Answers the typed value of argument {@code v} read by the getter named in the path. */
    static final class Typed extends RequestHandler {
        public void get(String getter) {
            post(getter);
        }

        public void post(String getter) {
            Object value = switch (getter) {
                case "int" -> getIntArgument("v");
                case "int-default" -> getIntArgument("v", -1);
                case "long" -> getLongArgument("v");
                case "long-default" -> getLongArgument("v", -1L);
                case "boolean" -> getBooleanArgument("v");
                case "boolean-default" -> getBooleanArgument("v", true);
                case "enum" -> getEnumArgument("v", Sort.class);
                case "enum-default" -> getEnumArgument("v", Sort.class, Sort.oldest);
                default -> throw new HttpError(404);
            };
            write(value.getClass().getSimpleName() + ":" + value);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/typed/([a-z-]+)", Typed::new).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void intArgumentIsParsedFromTheQuery() throws Exception {
        assertThat(server.get("/typed/int?v=-42").text()).isEqualTo("Integer:-42");
        assertThat(server.get("/typed/int?v=%2B7").text()).isEqualTo("Integer:7");
    }

    @Test
    void intArgumentIsParsedFromAFormBodyToo() throws Exception {
        RawResponse response = server.send("POST", "/typed/int?v=1",
                "Content-Type: application/x-www-form-urlencoded\r\n", "v=2".getBytes(StandardCharsets.UTF_8));
        assertThat(response.text()).isEqualTo("Integer:2");
    }

    @Test
    void missingIntArgumentIs400MissingArgument() throws Exception {
        RawResponse response = server.get("/typed/int");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Missing argument v");
    }

    @Test
    void malformedIntArgumentIs400NamingTheArgumentWithoutStackTrace() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general", "tornado.application")) {
            for (String bad : new String[] {"abc", "1.5", "", "99999999999"}) {
                RawResponse response = server.get("/typed/int?v=" + bad);
                assertThat(response.status()).as(bad).isEqualTo(400);
                assertThat(response.reason()).isEqualTo("Invalid argument v");
                assertThat(response.text()).contains("400: Invalid argument v");
            }
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
            assertThat(logs.messagesAtLeast(Level.WARN)).hasSize(4)
                    .allSatisfy(line -> assertThat(line).endsWith("): Invalid argument v"));
        }
    }

    @Test
    void defaultIsUsedOnlyWhenTheArgumentIsMissing() throws Exception {
        assertThat(server.get("/typed/int-default").text()).isEqualTo("Integer:-1");
        assertThat(server.get("/typed/int-default?v=5").text()).isEqualTo("Integer:5");
        assertThat(server.get("/typed/int-default?v=five").status()).isEqualTo(400);
        assertThat(server.get("/typed/long-default").text()).isEqualTo("Long:-1");
        assertThat(server.get("/typed/boolean-default").text()).isEqualTo("Boolean:true");
        assertThat(server.get("/typed/enum-default").text()).isEqualTo("Sort:oldest");
    }

    @Test
    void longArgumentTakesValuesBeyondInt() throws Exception {
        assertThat(server.get("/typed/long?v=9000000000").text()).isEqualTo("Long:9000000000");
        assertThat(server.get("/typed/long").reason()).isEqualTo("Missing argument v");
        assertThat(server.get("/typed/long?v=9x").reason()).isEqualTo("Invalid argument v");
    }

    @Test
    void booleanArgumentAcceptsTheUsualWordsInAnyCase() throws Exception {
        for (String yes : new String[] {"true", "TRUE", "1", "yes", "on"}) {
            assertThat(server.get("/typed/boolean?v=" + yes).text()).as(yes).isEqualTo("Boolean:true");
        }
        for (String no : new String[] {"false", "0", "No", "off"}) {
            assertThat(server.get("/typed/boolean?v=" + no).text()).as(no).isEqualTo("Boolean:false");
        }
        assertThat(server.get("/typed/boolean").reason()).isEqualTo("Missing argument v");
        assertThat(server.get("/typed/boolean?v=maybe").reason()).isEqualTo("Invalid argument v");
    }

    @Test
    void enumArgumentMatchesTheNameExactlyThenIgnoringCase() throws Exception {
        assertThat(server.get("/typed/enum?v=NEWEST").text()).isEqualTo("Sort:NEWEST");
        assertThat(server.get("/typed/enum?v=newest").text()).isEqualTo("Sort:NEWEST");
        assertThat(server.get("/typed/enum?v=OLDEST").text()).isEqualTo("Sort:oldest");
        assertThat(server.get("/typed/enum").reason()).isEqualTo("Missing argument v");
        assertThat(server.get("/typed/enum?v=random").reason()).isEqualTo("Invalid argument v");
    }
}
