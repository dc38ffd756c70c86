package org.tornadojava.demo.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/stories}: a validated JSON body answered 201, typed query arguments, 400s naming what is wrong. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class StoriesApiTest {
    private static final JsonMapper JSON = new JsonMapper();

    @LocalTornadoPort
    private int port;

    private RawResponse post(String json) throws IOException {
        return RawHttpClient.send(port, "POST", "/api/stories", "Content-Type: application/json\r\n",
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validStoryIsStoredAndAnswered201() throws Exception {
        RawResponse response = post("{\"title\":\"Typed input\",\"text\":\"lands\",\"priority\":3}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode story = JSON.readTree(response.text());
        assertThat(story.path("id").asLong()).isPositive();
        assertThat(story.path("title").asString()).isEqualTo("Typed input");
        assertThat(story.path("priority").asInt()).isEqualTo(3);

        JsonNode newest = JSON.readTree(RawHttpClient.get(port, "/api/stories?limit=1").text());
        assertThat(newest.path("stories")).hasSize(1);
        assertThat(newest.path("stories").get(0).path("id").asLong()).isEqualTo(story.path("id").asLong());
    }

    @Test
    void invalidStoryIs400ListingTheViolations() throws Exception {
        RawResponse response = post("{\"title\":\" \",\"priority\":9}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text())
                .contains("<ul><li>priority: from 1 to 5</li><li>title: must not be blank</li></ul>");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        RawResponse response = post("{\"title\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Malformed JSON body");
    }

    @Test
    void typedQueryArgumentsChooseTheOrderAndRejectBadValues() throws Exception {
        long first = JSON.readTree(post("{\"title\":\"one\",\"priority\":1}").text()).path("id").asLong();
        long second = JSON.readTree(post("{\"title\":\"two\",\"priority\":1}").text()).path("id").asLong();
        JsonNode newest = JSON.readTree(RawHttpClient.get(port, "/api/stories?limit=2&order=newest").text());
        assertThat(newest.path("stories").get(0).path("id").asLong()).isEqualTo(second);
        assertThat(newest.path("stories").get(1).path("id").asLong()).isEqualTo(first);
        JsonNode oldest = JSON.readTree(RawHttpClient.get(port, "/api/stories?limit=100&order=OLDEST").text());
        assertThat(oldest.path("stories").get(0).path("id").asLong()).isLessThanOrEqualTo(first);

        assertThat(RawHttpClient.get(port, "/api/stories?limit=ten").reason()).isEqualTo("Invalid argument limit");
        assertThat(RawHttpClient.get(port, "/api/stories?limit=0").reason()).isEqualTo("Invalid argument limit");
        assertThat(RawHttpClient.get(port, "/api/stories?order=random").reason()).isEqualTo("Invalid argument order");
    }
}
