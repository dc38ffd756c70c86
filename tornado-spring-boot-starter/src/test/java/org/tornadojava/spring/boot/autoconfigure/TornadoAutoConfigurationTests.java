package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoAutoConfigurationTests {
    private final ApplicationContextRunner runner = TestContexts.runner();

    @Test
    void withoutHandlersNoServerStartsAndOneInfoLineSaysSo() {
        try (LogCapture logs = LogCapture.of(TornadoAutoConfiguration.class.getName())) {
            runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(HttpServer.class);
                assertThat(context).doesNotHaveBean(IOLoopGroup.class);
                assertThat(context).doesNotHaveBean(BlockingExecutor.class);
                assertThat(context).doesNotHaveBean(TornadoServerLifecycle.class);
            });
            assertThat(logs.messagesOf(TornadoAutoConfiguration.class.getName()))
                    .containsExactly("No @Handler beans found: Tornado server not started");
            assertThat(logs.events()).allSatisfy((event) -> assertThat(event.getLevel().toString()).isEqualTo("INFO"));
        }
    }

    @Test
    void withAHandlerEveryDefaultBeanIsCreatedAndTheServerRuns() {
        runner.withBean(HelloHandler.class).run((context) -> {
            assertThat(context).hasSingleBean(TornadoProperties.class);
            assertThat(context).hasSingleBean(IOLoopGroup.class);
            assertThat(context).hasSingleBean(BlockingExecutor.class);
            assertThat(context).hasSingleBean(Application.class);
            assertThat(context).hasSingleBean(HttpServer.class);
            assertThat(context).hasSingleBean(TornadoServerLifecycle.class);
            assertThat(context).hasSingleBean(TornadoHealthIndicator.class);
            assertThat(context).hasSingleBean(TornadoServerMetrics.class);
            assertThat(context).hasSingleBean(TornadoBlockedLoopMetrics.class);
            assertThat(context).doesNotHaveBean(NoHandlersNotice.class);
            HttpServer server = context.getBean(HttpServer.class);
            assertThat(server.isRunning()).isTrue();
            assertThat(TornadoTestClient.of(server).get("/hello").body()).isEqualTo("hello");
        });
    }

    @Test
    void disabledStarterCreatesNothing() {
        runner.withBean(HelloHandler.class).withPropertyValues("tornado.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TornadoProperties.class);
            assertThat(context).doesNotHaveBean(HttpServer.class);
            assertThat(context).doesNotHaveBean(NoHandlersNotice.class);
        });
    }

    @Test
    void userDefinedLoopsAndExecutorReplaceTheDefaults() {
        runner.withBean(HelloHandler.class).withUserConfiguration(OwnLoopsAndExecutor.class).run((context) -> {
            assertThat(context).getBean(IOLoopGroup.class).isSameAs(context.getBean("ownLoops"));
            assertThat(context).getBean(BlockingExecutor.class).isSameAs(context.getBean("ownExecutor"));
            assertThat(context.getBean(Application.class).executor()).isSameAs(context.getBean("ownExecutor"));
            assertThat(context.getBean(IOLoopGroup.class).loops()).hasSize(2);
        });
    }

    @Test
    void aUserDefinedApplicationIsServedEvenWithoutHandlers() {
        runner.withUserConfiguration(OwnApplication.class).run((context) -> {
            assertThat(context).getBean(Application.class).isSameAs(context.getBean("ownApplication"));
            HttpServer server = context.getBean(HttpServer.class);
            assertThat(TornadoTestClient.of(server).get("/hello").body()).isEqualTo("hello");
        });
    }

    @Test
    void userDefinedServerAndLifecycleReplaceTheDefaults() {
        runner.withBean(HelloHandler.class).withUserConfiguration(OwnServerAndLifecycle.class).run((context) -> {
            assertThat(context).getBean(HttpServer.class).isSameAs(context.getBean("ownServer"));
            assertThat(context).getBean(TornadoServerLifecycle.class).isSameAs(context.getBean("ownLifecycle"));
            assertThat(context.getBean(HttpServer.class).isRunning()).isTrue();
        });
    }

    @Test
    void customizersRunInOrderAfterTheProperties() {
        runner.withBean(HelloHandler.class).withUserConfiguration(OrderedCustomizers.class)
                .withPropertyValues("tornado.server.backlog=77").run((context) -> {
                    OrderedCustomizers customizers = context.getBean(OrderedCustomizers.class);
                    assertThat(customizers.calls).containsExactly("application first", "application second",
                            "server first (backlog 77)", "server second");
                    HttpServer server = context.getBean(HttpServer.class);
                    assertThat(TornadoTestClient.of(server).get("/added").body()).isEqualTo("added by customizer");
                });
    }

    @Test
    void requestListenerBeansAreToldAboutRequests() {
        runner.withBean(HelloHandler.class).withUserConfiguration(Listener.class).run((context) -> {
            TornadoTestClient.of(context.getBean(HttpServer.class)).get("/hello");
            List<String> heard = context.getBean(Listener.class).heard;
            Await.until(() -> !heard.isEmpty());
            assertThat(heard).containsExactly("GET /hello 200");
        });
    }

    @Test
    void healthAndMetricsBackOffWithoutTheirLibraries() {
        runner.withBean(HelloHandler.class)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class,
                        io.micrometer.core.instrument.binder.MeterBinder.class))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(HttpServer.class);
                    assertThat(context).doesNotHaveBean(TornadoHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(TornadoServerMetrics.class);
                    assertThat(context).doesNotHaveBean(TornadoBlockedLoopMetrics.class);
                });
    }

    @Test
    void theProductionAutoConfigurationRegistersNoTestClient() {
        runner.withBean(HelloHandler.class)
                .run((context) -> assertThat(context).hasSingleBean(HttpServer.class)
                        .doesNotHaveBean(TornadoTestClient.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLoopsAndExecutor {
        @Bean(destroyMethod = "close")
        IOLoopGroup ownLoops() {
            return new IOLoopGroup(2, Transport.NIO);
        }

        @Bean(destroyMethod = "close")
        BlockingExecutor ownExecutor() {
            return new BlockingExecutor(1, 1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnApplication {
        @Bean
        Application ownApplication() {
            return Application.builder().route("/hello", HelloHandler::new).accessLog(false).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnServerAndLifecycle {
        @Bean
        HttpServer ownServer(Application application, IOLoopGroup loops) {
            return new HttpServer(application, new HttpServerOptions().address("127.0.0.1").port(0), loops);
        }

        @Bean
        TornadoServerLifecycle ownLifecycle(HttpServer ownServer) {
            return new TornadoServerLifecycle(ownServer, Duration.ofSeconds(1), new StandardEnvironment(),
                    (event) -> { });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedCustomizers {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        TornadoServerCustomizer secondServerCustomizer() {
            return (options) -> calls.add("server second");
        }

        @Bean
        @Order(1)
        TornadoServerCustomizer firstServerCustomizer() {
            return (options) -> calls.add("server first (backlog " + options.backlog() + ")");
        }

        @Bean
        @Order(2)
        TornadoApplicationCustomizer secondApplicationCustomizer() {
            return (builder) -> calls.add("application second");
        }

        @Bean
        @Order(1)
        TornadoApplicationCustomizer firstApplicationCustomizer() {
            return (builder) -> {
                calls.add("application first");
                builder.route("/added", AddedHandler::new);
            };
        }
    }

    static final class AddedHandler extends org.tornadojava.web.RequestHandler {
        public void get() {
            write("added by customizer");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Listener implements RequestListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void requestFinished(String routePattern, String method, int status, long durationNanos) {
            heard.add(method + " " + routePattern + " " + status);
        }
    }
}
