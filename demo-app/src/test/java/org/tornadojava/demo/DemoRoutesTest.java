package org.tornadojava.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.ErrorFormat;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(DemoApplication.application(ErrorFormat.HTML, false, true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void indexLinksToTheDemos() throws Exception {
        RawResponse index = server.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).contains("href=\"/plaintext\"", "href=\"/json\"", "href=\"/story/1\"",
                "href=\"/old-home\"", "href=\"/error/418\"");
    }

    @Test
    void plaintextIsHelloWorldAsText() throws Exception {
        RawResponse response = server.get("/plaintext");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(response.text()).isEqualTo("Hello, World!");
    }

    @Test
    void jsonIsTheHelloWorldMessage() throws Exception {
        RawResponse response = server.get("/json");
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
    }

    @Test
    void storyEchoesItsPathArgumentAndRejectsNonDigits() throws Exception {
        assertThat(server.get("/story/42").text()).isEqualTo("You requested story 42");
        assertThat(server.get("/story/abc").status()).isEqualTo(404);
    }

    @Test
    void oldHomeRedirectsPermanentlyToTheIndex() throws Exception {
        RawResponse response = server.get("/old-home");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/");
    }

    @Test
    void errorRouteRaisesTheGivenStatus() throws Exception {
        RawResponse response = server.get("/error/418");
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.text()).isEqualTo(
                "<html><title>418: I&#39;m a Teapot</title><body>418: I&#39;m a Teapot</body></html>");
        assertThat(server.get("/error/200").status()).isEqualTo(400);
    }

    @Test
    void jsonErrorFormatIsSelectable() throws Exception {
        try (TestServer json = TestServer.start(DemoApplication.application(ErrorFormat.JSON, false, false))) {
            assertThat(json.get("/error/503").text()).isEqualTo("{\"status\":503,\"reason\":\"Service Unavailable\"}");
        }
    }
}
