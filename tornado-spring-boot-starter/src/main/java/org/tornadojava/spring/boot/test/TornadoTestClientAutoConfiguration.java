package org.tornadojava.spring.boot.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.autoconfigure.TornadoAutoConfiguration;

/**
 * Test auto-configuration of clients aimed at the running Tornado server: a {@link TornadoTestClient}, Spring
 * Framework's {@link RestTestClient} when spring-web and spring-webmvc are present and {@link WebTestClient} when
 * spring-webflux is,
 * each bound to {@code http://127.0.0.1:PORT} and backing off when the test defines its own. Imported by
 * {@link AutoConfigureTornadoTestClient} (which every {@code @SpringBootTest} gets), never by the production
 * auto-configuration. Wiring only: runs on the thread refreshing the context.
 */
@AutoConfiguration(after = TornadoAutoConfiguration.class)
@ConditionalOnBean(HttpServer.class)
public final class TornadoTestClientAutoConfiguration {

    TornadoTestClientAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    TornadoTestClient tornadoTestClient(HttpServer server) {
        return TornadoTestClient.of(server);
    }

    /**
     * Spring Framework 7's {@code RestTestClient}, bound to the Tornado server. It declares MockMvc and
     * RouterFunction types, so it needs spring-webmvc on the test class path as well as spring-web.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(value = {RestTestClient.class, RestClient.class},
            name = "org.springframework.web.servlet.function.RouterFunction")
    static class RestTestClientConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RestTestClient restTestClient(HttpServer server) {
            return RestTestClient.bindToServer().uriBuilderFactory(new LocalTornadoUriBuilderFactory(server)).build();
        }
    }

    /** Spring's {@code WebTestClient}, bound to the Tornado server, when spring-webflux is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({WebTestClient.class, WebClient.class})
    static class WebTestClientConfiguration {
        @Bean
        @ConditionalOnMissingBean
        WebTestClient webTestClient(HttpServer server) {
            return WebTestClient.bindToServer().uriBuilderFactory(new LocalTornadoUriBuilderFactory(server)).build();
        }
    }
}
