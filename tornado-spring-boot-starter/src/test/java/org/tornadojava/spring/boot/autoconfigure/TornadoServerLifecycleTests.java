package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.RequestHandler;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TornadoServerLifecycleTests {
    private final ApplicationContextRunner runner = TestContexts.runner();

    @Test
    void portZeroPublishesTheRealPortAsLocalTornadoPortAndAStartedEvent() {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            runner.withBean(HelloHandler.class).withUserConfiguration(StartedEvents.class).run((context) -> {
                int port = context.getBean(HttpServer.class).port();
                assertThat(port).isPositive();
                assertThat(context.getEnvironment().getProperty(TornadoServerLifecycle.PORT_PROPERTY, Integer.class))
                        .isEqualTo(port);
                assertThat(context.getBean(StartedEvents.class).ports).containsExactly(port);
                assertThat(RawHttpClient.get(port, "/hello").text()).isEqualTo("hello");
                assertThat(logs.messagesOf("tornado.general"))
                        .anyMatch((line) -> line.startsWith("Tornado server started on port " + port));
            });
        }
    }

    @Test
    void closingTheContextLetsASlowRequestFinishAndRefusesNewConnections() throws Exception {
        runner.withBean(Gate.class).withBean(SlowHandler.class).withBean(HelloHandler.class).run((context) -> {
            HttpServer server = context.getBean(HttpServer.class);
            BlockingExecutor executor = context.getBean(BlockingExecutor.class);
            IOLoopGroup loops = context.getBean(IOLoopGroup.class);
            int port = server.port();
            try (RawHttpClient slow = new RawHttpClient(port)) {
                slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> server.inFlightRequestCount() == 1);
                CompletableFuture<Void> closed = CompletableFuture.runAsync(
                        ((ConfigurableApplicationContext) context)::close);
                Await.until(() -> !server.isRunning());
                assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> RawHttpClient.get(port, "/hello"));
                assertThat(closed).isNotDone();

                context.getBean(Gate.class).release.complete(null);
                RawResponse response = slow.read("GET");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("slow done");
                closed.get(10, TimeUnit.SECONDS);
                assertThat(executor.isShutdown()).isTrue();
                assertThat(loops.isShuttingDown()).isTrue();
            }
        });
    }

    @Test
    void theShutdownTimeoutCutsOffRequestsThatTakeLonger() {
        runner.withBean(Gate.class).withBean(SlowHandler.class)
                .withPropertyValues("tornado.server.shutdown-timeout=100ms")
                .run((context) -> {
                    HttpServer server = context.getBean(HttpServer.class);
                    Gate gate = context.getBean(Gate.class);
                    try (RawHttpClient slow = new RawHttpClient(server.port())) {
                        slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                        Await.until(() -> server.inFlightRequestCount() == 1);
                        long started = System.nanoTime();
                        ((ConfigurableApplicationContext) context).close();
                        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
                        assertThat(slow.isClosedByServer()).isTrue();
                    } finally {
                        gate.release.complete(null);
                    }
                });
    }

    @Test
    void aPortInUseFailsStartUpNamingTheSettings() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            runner.withBean(HelloHandler.class).withPropertyValues("tornado.server.port=" + taken.getLocalPort())
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .hasStackTraceContaining("Tornado server could not start: port "
                                        + taken.getLocalPort() + " is already in use (tornado.server.port)")
                                .hasStackTraceContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
                    });
        }
    }

    @Test
    void theLoopThreadsKeepTheJvmAliveWhileServing() {
        runner.withBean(HelloHandler.class).run((context) -> {
            List<Thread> loops = Thread.getAllStackTraces().keySet().stream()
                    .filter((thread) -> thread.getName().startsWith("tornado-ioloop")).toList();
            assertThat(loops).isNotEmpty().anyMatch((thread) -> !thread.isDaemon());
        });
    }

    /** Holds slow requests until released. */
    static class Gate {
        final CompletableFuture<Void> release = new CompletableFuture<>();
    }

    @Handler("/slow")
    static class SlowHandler extends RequestHandler {
        private final Gate gate;

        SlowHandler(Gate gate) {
            this.gate = gate;
        }

        public CompletionStage<Void> get() {
            return gate.release.thenRun(() -> write("slow done"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class StartedEvents {
        final List<Integer> ports = new CopyOnWriteArrayList<>();

        @Bean
        ApplicationListener<TornadoServerStartedEvent> startedListener() {
            return (event) -> ports.add(event.getPort());
        }
    }
}
