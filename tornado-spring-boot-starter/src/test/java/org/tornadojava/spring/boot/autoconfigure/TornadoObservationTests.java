package org.tornadojava.spring.boot.autoconfigure;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.observation.DefaultTornadoServerRequestObservationConvention;
import org.tornadojava.spring.boot.observation.ObservationRequestObserver;
import org.tornadojava.spring.boot.observation.TornadoServerRequestObservationContext;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.RequestObserver;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TornadoObservationTests {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final ApplicationContextRunner runner = TestContexts.runner()
            .withConfiguration(AutoConfigurations.of(TornadoObservationAutoConfiguration.class))
            .withBean(HelloHandler.class)
            .withBean(StoryHandler.class)
            .withBean(BrokenHandler.class);

    /** A route with a group, so the uri tag shows the pattern and never the raw path. */
    @Handler("/story/([0-9]+)")
    static class StoryHandler extends RequestHandler {
        public void get(String id) {
            write("story " + id);
        }
    }

    /** Fails with an exception: a 500 whose observation names the exception. */
    @Handler("/broken")
    static class BrokenHandler extends RequestHandler {
        public void get() {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void requestsAreObservedWithBootsServerRequestTags() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            AtomicInteger stopped = stopCounter(registry);
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/story/42").body()).isEqualTo("story 42");
            assertThat(client.get("/missing").statusCode()).isEqualTo(404);
            assertThat(client.get("/broken").statusCode()).isEqualTo(500);
            assertThat(client.send("BREW", "/hello", "text/plain", "").statusCode()).isEqualTo(405);
            Await.until(() -> stopped.get() == 4);
            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("http.server.requests", 4)
                    .hasAnObservation((observation) -> observation
                            .hasContextualNameEqualTo("http get /story/([0-9]+)")
                            .hasLowCardinalityKeyValue("method", "GET")
                            .hasLowCardinalityKeyValue("uri", "/story/([0-9]+)")
                            .hasLowCardinalityKeyValue("status", "200")
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                            .hasLowCardinalityKeyValue("exception", "none")
                            .hasHighCardinalityKeyValue("http.url", "/story/42"))
                    .hasAnObservation((observation) -> observation
                            .hasLowCardinalityKeyValue("uri", "NOT_FOUND")
                            .hasLowCardinalityKeyValue("status", "404")
                            .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR"))
                    .hasAnObservation((observation) -> observation
                            .hasLowCardinalityKeyValue("uri", "/broken")
                            .hasLowCardinalityKeyValue("status", "500")
                            .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
                            .hasLowCardinalityKeyValue("exception", "IllegalStateException")
                            .assertThatError().hasMessage("broken"))
                    .hasAnObservation((observation) -> observation
                            .hasLowCardinalityKeyValue("method", "UNKNOWN")
                            .hasLowCardinalityKeyValue("uri", "/hello")
                            .hasLowCardinalityKeyValue("status", "405"));
        });
    }

    @Test
    void aConventionBeanReplacesTheDefaultTags() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                .withBean(TeamConvention.class)
                .run((context) -> {
                    TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                    AtomicInteger stopped = stopCounter(registry);
                    TornadoTestClient.of(context.getBean(HttpServer.class)).get("/hello");
                    Await.until(() -> stopped.get() == 1);
                    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                            .hasLowCardinalityKeyValue("team", "web")
                            .hasLowCardinalityKeyValue("uri", "/hello");
                });
    }

    @Test
    void noObservationRegistryMeansNoObserver() {
        runner.run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(RequestObserver.class);
        });
    }

    @Test
    void withoutMicrometerObservationTheConfigurationBacksOff() {
        runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ObservationRequestObserver.class);
                });
    }

    @Test
    void withBootsMetricsTheObservationIsTheHttpServerRequestsTimer() {
        runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                        MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class))
                .run((context) -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    TornadoTestClient.of(context.getBean(HttpServer.class)).get("/story/1");
                    Await.until(() -> meters.find("http.server.requests").tags("uri", "/story/([0-9]+)").timer()
                            != null);
                    assertThat(meters.get("http.server.requests").tags("uri", "/story/([0-9]+)", "method", "GET",
                            "status", "200", "outcome", "SUCCESS", "exception", "none").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void aW3cTraceparentIsContinuedAndItsTraceIdIsInTheMdcOfTheAccessLogLine() {
        List<MutableSpan> spans = new CopyOnWriteArrayList<>();
        SpanHandler recorder = new SpanHandler() {
            @Override
            public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                spans.add(span);
                return true;
            }
        };
        try (LogCapture logs = LogCapture.of("tornado.access")) {
            runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                            MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class))
                    .withBean(SpanHandler.class, () -> recorder)
                    .withPropertyValues("tornado.access-log=true")
                    .run((context) -> {
                        TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
                        client.send(HttpRequest.newBuilder(client.uri("/story/5")).GET()
                                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));
                        ILoggingEvent line = logs.await("tornado.access", "GET /story/5");
                        assertThat(line.getMDCPropertyMap()).containsEntry("traceId", TRACE_ID);
                        Await.until(() -> !spans.isEmpty());
                        MutableSpan server = spans.get(0);
                        assertThat(server.traceId()).isEqualTo(TRACE_ID);
                        assertThat(server.parentId()).isEqualTo("00f067aa0ba902b7");
                        assertThat(server.kind()).isEqualTo(brave.Span.Kind.SERVER);
                        assertThat(server.name()).isEqualTo("http get /story/([0-9]+)");
                    });
        }
    }

    /** Counts the observations stopped from now on: a request's observation stops after its response is sent. */
    private static AtomicInteger stopCounter(TestObservationRegistry registry) {
        AtomicInteger stopped = new AtomicInteger();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.incrementAndGet();
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return stopped;
    }

    /** A user convention adding a tag to Boot's. */
    static class TeamConvention extends DefaultTornadoServerRequestObservationConvention {
        @Override
        public KeyValues getLowCardinalityKeyValues(TornadoServerRequestObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and(KeyValue.of("team", "web"));
        }
    }
}
