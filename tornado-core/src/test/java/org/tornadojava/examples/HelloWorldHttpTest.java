package org.tornadojava.examples;

import org.junit.jupiter.api.Test;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.testing.AsyncHttpTest;
import org.tornadojava.testing.AsyncHttpTestServer;
import org.tornadojava.testing.ExpectLog;
import org.tornadojava.testing.GenTest;
import org.tornadojava.testing.GenTestContext;
import org.tornadojava.testing.TestApplication;
import org.tornadojava.web.Application;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-Java example of docs/testing.md: Tornado's AsyncHTTPTestCase for HelloWorld. */
@AsyncHttpTest
class HelloWorldHttpTest {
    @TestApplication
    Application app() {
        return HelloWorld.makeApp();
    }

    @Test
    void homepage(AsyncHttpTestServer server) {
        HttpResponse response = server.fetch("/");
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("Hello, world");
    }

    @Test
    void missingPageIsLogged(AsyncHttpTestServer server) {
        try (ExpectLog expected = new ExpectLog("tornado.access", "404 GET /missing")) {
            assertThat(server.fetch("/missing").code()).isEqualTo(404);
        }
    }

    @GenTest(timeout = 10)
    void storyFromTheLoop(AsyncHttpTestServer server, GenTestContext gen) {
        gen.finishWith(server.httpClient().fetch(server.getUrl("/story/7"))
                .thenAccept(response -> assertThat(response.text()).isEqualTo("You requested story 7")));
    }
}
