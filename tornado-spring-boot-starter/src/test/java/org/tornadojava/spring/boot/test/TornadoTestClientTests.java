package org.tornadojava.spring.boot.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The way the getting-started guide tests an application: a full context on a free port and the test client. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=1"})
class TornadoTestClientTests {
    @Autowired
    private TornadoTestClient client;

    @Autowired
    private RestTestClient restTestClient;

    @LocalTornadoPort
    private int port;

    @Test
    void theClientReachesTheServerOnItsRandomPort() {
        HttpResponse<String> response = client.get("/story/42");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("You requested story 42");
        assertThat(client.port()).isEqualTo(port).isPositive();
    }

    @Test
    void aSpringBootTestGetsRestTestClientBoundToTheServer() {
        restTestClient.get().uri("/story/42").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("You requested story 42");
    }

    @Test
    void aClientForAFixedPortSendsBodies() {
        HttpResponse<String> response = TornadoTestClient.of(port).send("POST", "/story/7",
                "application/x-www-form-urlencoded", "title=Hi");
        assertThat(response.body()).isEqualTo("story 7 is now Hi");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(StoryHandler.class)
    static class App {
    }

    @Handler("/story/([0-9]+)")
    static class StoryHandler extends RequestHandler {
        public void get(String id) {
            write("You requested story " + id);
        }

        public void post(String id) {
            write("story " + id + " is now " + getArgument("title"));
        }
    }
}
