package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerDiscoveryTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withUserConfiguration(Dependencies.class)
            .withPropertyValues("demo.word=injected", "demo.number=42");

    @Test
    void constructorInjectionAndOneNewInstancePerRequest() {
        runner.withBean(ConstructorInjected.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            String first = client.get("/ctor").body();
            String second = client.get("/ctor").body();
            assertThat(first).startsWith("hello from greeter #");
            assertThat(second).startsWith("hello from greeter #");
            assertThat(first).isNotEqualTo(second);
            assertThat(context.getBean(Dependencies.class).greeters.get()).isEqualTo(1);
        });
    }

    @Test
    void valueAndAutowiredFieldsAreInjected() {
        runner.withBean(FieldInjected.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/fields").body()).isEqualTo("injected 42 hello from greeter #1 base");
        });
    }

    @Test
    void constructorArgumentsTakeValuesToo() {
        runner.withBean(ValueConstructor.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/value").body()).isEqualTo("43");
            assertThat(Dependencies.createdByBeanFactory).doesNotContainKey(ValueConstructor.class.getName());
        });
    }

    @Test
    void anAutowiredMethodFallsBackToTheBeanFactoryAndStillWorks() {
        runner.withBean(SetterInjected.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/setter").body()).isEqualTo("hello from greeter #1");
            assertThat(client.get("/setter").body()).isEqualTo("hello from greeter #1");
            assertThat(Dependencies.createdByBeanFactory.get(SetterInjected.class.getName()).get())
                    .isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void singletonDependenciesNeverGoThroughTheBeanFactoryPerRequest() {
        runner.withBean(ConstructorInjected.class).withBean(FieldInjected.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            for (int i = 0; i < 3; i++) {
                assertThat(client.get("/ctor").statusCode()).isEqualTo(200);
                assertThat(client.get("/fields").statusCode()).isEqualTo(200);
            }
            assertThat(Dependencies.createdByBeanFactory).doesNotContainKeys(
                    ConstructorInjected.class.getName(), FieldInjected.class.getName());
        });
    }

    @Test
    void aPrototypeDependencyFallsBackToTheBeanFactoryAndIsFreshPerRequest() {
        runner.withBean(PrototypeDependent.class).run((context) -> {
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            String first = client.get("/prototype").body();
            String second = client.get("/prototype").body();
            assertThat(first).startsWith("ticket ");
            assertThat(first).isNotEqualTo(second);
            assertThat(Dependencies.createdByBeanFactory.get(PrototypeDependent.class.getName()).get())
                    .isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void twoHandlersWithTheSamePatternFailStartUpNamingBoth() {
        runner.withBean(HelloHandler.class).withBean(OtherHello.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll("'/hello'",
                    HelloHandler.class.getName(), OtherHello.class.getName());
        });
    }

    @Test
    void samePatternOnDifferentHostsIsAllowedAndHostsRestrictTheRoute() {
        runner.withBean(HelloHandler.class).withBean(ExampleHostHello.class).run((context) -> {
            assertThat(context).hasNotFailed();
            int port = context.getBean(HttpServer.class).port();
            try (RawHttpClient client = new RawHttpClient(port)) {
                assertThat(client.request("GET /hello HTTP/1.1\r\nHost: example.com\r\n\r\n", "GET").text())
                        .isEqualTo("hello from example.com");
                assertThat(client.request("GET /hello HTTP/1.1\r\nHost: other.org\r\n\r\n", "GET").text())
                        .isEqualTo("hello");
            }
        });
    }

    @Test
    void twoHandlersWithTheSameRouteNameFailStartUpNamingBoth() {
        runner.withBean(NamedStory.class).withBean(SameName.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll("'story'",
                    NamedStory.class.getName(), SameName.class.getName());
        });
    }

    @Test
    void routesAreOrderedByOrderThenLiteralFirstThenRegistration() {
        runner.withBean(CatchAll.class).withBean(Items.class).withBean(SpecialItem.class).withBean(Urgent.class)
                .run((context) -> {
                    assertThat(context.getBean(Application.class).routes()).extracting(UrlSpec::pattern)
                            .containsExactly("/urgent/(.*)", "/items/special", "/(.*)", "/items/(.*)");
                    TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
                    assertThat(client.get("/items/special").body()).isEqualTo("special");
                    assertThat(client.get("/items/other").body()).isEqualTo("catch-all");
                    assertThat(client.get("/urgent/x").body()).isEqualTo("urgent");
                });
    }

    @Test
    void routeNamesWorkWithReverseUrl() {
        runner.withBean(NamedStory.class).run((context) -> {
            assertThat(context.getBean(Application.class).reverseUrl("story", 7)).isEqualTo("/story/7");
            TornadoTestClient client = TornadoTestClient.of(context.getBean(HttpServer.class));
            assertThat(client.get("/story/7").body()).isEqualTo("story 7 at /story/7");
        });
    }

    @Test
    void aHandlerWhitelistFromAPlaceholderGuardsItsRoute() {
        runner.withBean(AdminHandler.class).withPropertyValues("admin.cidrs=10.0.0.0/8, fd00::/8").run((context) -> {
            int port = context.getBean(HttpServer.class).port();
            assertThat(RawHttpClient.get(port, "/admin").status()).isEqualTo(403);
        });
        runner.withBean(AdminHandler.class).withPropertyValues("admin.cidrs=127.0.0.1/32, ::1/128").run((context) -> {
            int port = context.getBean(HttpServer.class).port();
            assertThat(RawHttpClient.get(port, "/admin").text()).isEqualTo("admin ok");
        });
    }

    @Test
    void anInvalidHandlerWhitelistFailsStartUpNamingTheHandler() {
        runner.withBean(AdminHandler.class).withPropertyValues("admin.cidrs=10.0.0.0/40").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(" of "
                    + AdminHandler.class.getName() + ": @Handler has an invalid ipWhitelist '10.0.0.0/40'");
        });
    }

    @Test
    void thePatternIsNotUsedAsTheBeanName() {
        runner.withBean(HelloHandler.class).run((context) ->
                assertThat(context.getBeanNamesForType(HelloHandler.class)).noneMatch((name) -> name.contains("/")));
    }

    @Test
    void aSingletonHandlerFailsStartUp() {
        runner.withBean(SingletonHandler.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    SingletonHandler.class.getName(), "must be prototype-scoped");
        });
    }

    @Test
    void aHandlerThatIsNotARequestHandlerFailsStartUp() {
        runner.withBean(NotARequestHandler.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    NotARequestHandler.class.getName(), "must be a subclass of");
        });
    }

    @Test
    void aVerbMethodThatCannotTakeTheRouteGroupsFailsStartUpNamingClassMethodAndRoute() {
        runner.withBean(WrongArity.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    WrongArity.class.getName() + ".get(String)", "/pair/([a-z]+)/([0-9]+)");
        });
        runner.withBean(NonStringVerb.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContainingAll(
                    NonStringVerb.class.getName() + ".get(long)", "/number/([0-9]+)");
        });
    }

    @Test
    void aMissingDependencyFailsStartUpNamingTheHandler() {
        runner.withBean(NeedsMissing.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("Cannot prepare @Handler "
                    + NeedsMissing.class.getName());
        });
    }

    /** A singleton and a prototype dependency, and a counter of handlers Spring itself creates. */
    @Configuration(proxyBeanMethods = false)
    static class Dependencies {
        static final Map<String, AtomicInteger> createdByBeanFactory = new ConcurrentHashMap<>();
        final AtomicInteger greeters = new AtomicInteger();
        final AtomicInteger tickets = new AtomicInteger();

        @Bean
        Greeter greeter() {
            return new Greeter(greeters.incrementAndGet());
        }

        @Bean
        @Scope("prototype")
        Ticket ticket() {
            return new Ticket(tickets.incrementAndGet());
        }

        @Bean
        static BeanPostProcessor handlerCreationCounter() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof RequestHandler) {
                        createdByBeanFactory.computeIfAbsent(bean.getClass().getName(), (k) -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return bean;
                }
            };
        }
    }

    record Greeter(int id) {
        String greet() {
            return "hello from greeter #" + id;
        }
    }

    record Ticket(int id) {
    }

    interface Missing {
    }

    @Handler("/ctor")
    static class ConstructorInjected extends RequestHandler {
        private static final AtomicInteger INSTANCES = new AtomicInteger();
        private final Greeter greeter;
        private final int instance = INSTANCES.incrementAndGet();

        ConstructorInjected(Greeter greeter) {
            this.greeter = greeter;
        }

        public void get() {
            write(greeter.greet() + " instance " + instance);
        }
    }

    abstract static class BaseWithField extends RequestHandler {
        @Value("base")
        String inherited;
    }

    @Handler("/fields")
    static class FieldInjected extends BaseWithField {
        @Value("${demo.word}")
        private String word;

        @Value("${demo.number}")
        private int number;

        @Autowired
        private Greeter greeter;

        public void get() {
            write(word + " " + number + " " + greeter.greet() + " " + inherited);
        }
    }

    @Handler("/value")
    static class ValueConstructor extends RequestHandler {
        private final int number;

        ValueConstructor(@Value("${demo.number}") int number) {
            this.number = number;
        }

        public void get() {
            write(String.valueOf(number + 1));
        }
    }

    @Handler("/setter")
    static class SetterInjected extends RequestHandler {
        private Greeter greeter;

        @Autowired
        void setGreeter(Greeter greeter) {
            this.greeter = greeter;
        }

        public void get() {
            write(greeter.greet());
        }
    }

    @Handler("/prototype")
    static class PrototypeDependent extends RequestHandler {
        private final Ticket ticket;

        PrototypeDependent(Ticket ticket) {
            this.ticket = ticket;
        }

        public void get() {
            write("ticket " + ticket.id());
        }
    }

    @Handler("/hello")
    static class OtherHello extends RequestHandler {
    }

    @Handler(value = "/hello", hosts = "example\\.com")
    static class ExampleHostHello extends RequestHandler {
        public void get() {
            write("hello from example.com");
        }
    }

    @Handler(value = "/story/([0-9]+)", name = "story")
    static class NamedStory extends RequestHandler {
        public void get(String id) {
            write("story " + id + " at " + reverseUrl("story", id));
        }
    }

    @Handler(value = "/other/([0-9]+)", name = "story")
    static class SameName extends RequestHandler {
    }

    @Handler("/(.*)")
    static class CatchAll extends RequestHandler {
        public void get(String rest) {
            write("catch-all");
        }
    }

    @Handler("/items/(.*)")
    static class Items extends RequestHandler {
        public void get(String item) {
            write("item");
        }
    }

    @Handler("/items/special")
    static class SpecialItem extends RequestHandler {
        public void get() {
            write("special");
        }
    }

    @Handler(value = "/urgent/(.*)", order = -1)
    static class Urgent extends RequestHandler {
        public void get(String what) {
            write("urgent");
        }
    }

    @Handler(value = "/admin", ipWhitelist = "${admin.cidrs}")
    static class AdminHandler extends RequestHandler {
        public void get() {
            write("admin ok");
        }
    }

    @Handler("/single")
    @Scope("singleton")
    static class SingletonHandler extends RequestHandler {
    }

    @Handler("/not")
    static class NotARequestHandler {
    }

    @Handler("/pair/([a-z]+)/([0-9]+)")
    static class WrongArity extends RequestHandler {
        public void get(String name) {
            write(name);
        }
    }

    @Handler("/number/([0-9]+)")
    static class NonStringVerb extends RequestHandler {
        public void get(long number) {
            write(String.valueOf(number));
        }
    }

    @Handler("/missing")
    static class NeedsMissing extends RequestHandler {
        NeedsMissing(Missing missing) {
        }
    }
}
