package org.tornadojava.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.function.Supplier;

/**
 * One handler instance per request through the starter (constructor injection, an {@code @Autowired} field and a
 * {@code @Value}), against {@code new} by hand: the starter resolves everything once at start-up, so the two
 * should be close.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class HandlerInstantiationBenchmark {
    /** A dependency the handler gets injected. */
    public static final class Greeter {
        String greet(String name) {
            return "Hello, " + name;
        }
    }

    /** A handler with the three kinds of injection. */
    @Handler("/hello/([a-z]+)")
    public static class HelloHandler extends RequestHandler {
        private final Greeter greeter;
        @Autowired
        private Greeter fieldGreeter;
        @Value("${bench.greeting:hi}")
        private String greeting;

        public HelloHandler(Greeter greeter) {
            this.greeter = greeter;
        }

        public void get(String name) {
            write(greeter.greet(name) + fieldGreeter.hashCode() + greeting);
        }
    }

    /** The benchmark's Spring configuration. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloHandler.class)
    public static class Config {
        @Bean
        Greeter greeter() {
            return new Greeter();
        }
    }

    private ConfigurableApplicationContext context;
    private Supplier<? extends RequestHandler> starterFactory;
    private Greeter greeter;

    @Setup(Level.Trial)
    public void setUp() {
        context = new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
                .properties("tornado.server.port=0", "tornado.server.address=127.0.0.1", "tornado.access-log=false")
                .run();
        UrlSpec route = context.getBean(Application.class).routes().stream()
                .filter(spec -> spec.pattern().startsWith("/hello")).findFirst().orElseThrow();
        starterFactory = route.factory();
        greeter = context.getBean(Greeter.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    public RequestHandler throughTheStarter() {
        return starterFactory.get();
    }

    @Benchmark
    public RequestHandler byHand() {
        HelloHandler handler = new HelloHandler(greeter);
        handler.fieldGreeter = greeter;
        handler.greeting = "hi";
        return handler;
    }
}
