package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.test.TornadoTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} starts Tornado on a free port that {@code @LocalServerPort}
 * sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tornado.server.address=127.0.0.1", "tornado.ioloop.threads=1", "tornado.access-log=false"})
class RandomPortTests {
    @LocalServerPort
    private int port;

    @Autowired
    private HttpServer server;

    @Test
    void localServerPortIsTheRandomPortTornadoListensOn() {
        assertThat(port).isPositive().isNotEqualTo(8888).isEqualTo(server.port());
        assertThat(TornadoTestClient.of(port).get("/hello").body()).isEqualTo("hello");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TornadoAutoConfiguration.class)
    @Import(HelloHandler.class)
    static class App {
    }
}
