package org.tornadojava.spring.boot.test;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.autoconfigure.TornadoAutoConfiguration;
import org.tornadojava.web.RequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoTestClientAutoConfigurationTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TornadoAutoConfiguration.class,
                    TornadoTestClientAutoConfiguration.class))
            .withPropertyValues("tornado.server.port=0", "tornado.server.address=127.0.0.1",
                    "tornado.ioloop.threads=1", "tornado.access-log=false");

    @Test
    void everyClientIsBoundToTheRunningServer() {
        runner.withBean(Hello.class).run((context) -> {
            int port = context.getBean(HttpServer.class).port();
            assertThat(context.getBean(TornadoTestClient.class).port()).isEqualTo(port);
            assertThat(context.getBean(TornadoTestClient.class).get("/hello").body()).isEqualTo("hello");
            context.getBean(RestTestClient.class).get().uri("/hello").exchange()
                    .expectStatus().isOk().expectBody(String.class).isEqualTo("hello");
            context.getBean(WebTestClient.class).get().uri("/hello").exchange()
                    .expectStatus().isOk().expectBody(String.class).isEqualTo("hello");
        });
    }

    @Test
    void withoutATornadoServerThereIsNoClient() {
        runner.withPropertyValues("tornado.enabled=false").withBean(Hello.class).run((context) -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(TornadoTestClient.class).doesNotHaveBean(RestTestClient.class)
                .doesNotHaveBean(WebTestClient.class));
    }

    @Test
    void withoutSpringWebMvcOrWebFluxOnlyTheTornadoClientIsThere() {
        runner.withClassLoader(new FilteredClassLoader(RouterFunction.class, WebClient.class)).withBean(Hello.class)
                .run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TornadoTestClient.class)
                        .doesNotHaveBean(RestTestClient.class).doesNotHaveBean(WebTestClient.class));
    }

    @Test
    void aClientOfTheTestsOwnWins() {
        RestTestClient own = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:1").build();
        runner.withBean(Hello.class).withBean(RestTestClient.class, () -> own)
                .run((context) -> assertThat(context.getBean(RestTestClient.class)).isSameAs(own));
    }

    @Handler("/hello")
    static class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }
}
