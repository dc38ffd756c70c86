package org.tornadojava.spring.boot.autoconfigure;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.RequestHandler;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot-style fail-fast: failure analyzers print what is wrong and what to do; a second web server is refused. */
class FailFastTests {
    @Handler("/broken/(")
    static class BadPatternHandler extends RequestHandler {
        public void get(String id) {
            write(id);
        }
    }

    @Handler(value = "/admin", ipWhitelist = "10.0.0.0/33")
    static class BadWhitelistHandler extends RequestHandler {
        public void get() {
            write("admin");
        }
    }

    @Handler("/hello")
    static class OtherHelloHandler extends RequestHandler {
        public void get() {
            write("other");
        }
    }

    /** Stands for Tomcat or Reactor Netty: a web server factory bean in the context. */
    static class OtherWebServerFactory implements WebServerFactory {
    }

    @Test
    void aPortInUseIsExplainedWithThePortTheKeyAndWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            TestContexts.runner().withBean(HelloHandler.class).withPropertyValues("tornado.server.port=" + port)
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis = analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).isEqualTo("Tornado server failed to start: port "
                                + port + " (tornado.server.port=" + port + ") is already in use.");
                        assertThat(analysis.getAction()).startsWith("Stop the process listening on port " + port)
                                .contains("set tornado.server.port to another port (0 picks a free one")
                                .contains("tornado.server.reuse-port=true");
                    });
        }
    }

    @Test
    void aPortInUseChosenByServerPortNamesServerPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            SpringServerKeysTests.runnerWithoutTornadoPort().withBean(HelloHandler.class)
                    .withPropertyValues("server.port=" + port).run((context) -> {
                        FailureAnalysis analysis = analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("(server.port=" + port + ")");
                        assertThat(analysis.getAction()).contains("set server.port to another port");
                    });
        }
    }

    @Test
    void anInvalidPatternIsExplainedWithRouteHandlerAndProblem() {
        TestContexts.runner().withBean(BadPatternHandler.class).run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("A Tornado route cannot work:\n\n"
                    + "    route:   /broken/(\n"
                    + "    handler: " + BadPatternHandler.class.getName() + "\n"
                    + "    problem: the pattern is not a valid regex: Unclosed group near index ");
            assertThat(analysis.getAction()).startsWith("Correct the @Handler annotation or the verb method of "
                    + BadPatternHandler.class.getName() + ".");
        });
    }

    @Test
    void anInvalidWhitelistCidrIsExplained() {
        TestContexts.runner().withBean(BadWhitelistHandler.class).run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("route:   /admin\n")
                    .contains("handler: " + BadWhitelistHandler.class.getName() + "\n")
                    .contains("problem: @Handler has an invalid ipWhitelist '10.0.0.0/33'");
            assertThat(analysis.getAction()).contains("ipWhitelist lists CIDRs such as 10.0.0.0/8");
        });
    }

    @Test
    void aDuplicateRouteIsExplainedNamingBothHandlers() {
        TestContexts.runner().withBean(HelloHandler.class).withBean(OtherHelloHandler.class).run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("route:   /hello\n")
                    .contains("problem: Two @Handler classes have the pattern '/hello': ")
                    .contains(HelloHandler.class.getName()).contains(OtherHelloHandler.class.getName());
        });
    }

    @Test
    void aSecondWebServerFailsStartUpWithAnExplanation() {
        TestContexts.runner().withBean(HelloHandler.class).withBean(OtherWebServerFactory.class).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Tornado serves this application's @Handler beans, "
                    + "but the context also starts another web server: ")
                    .contains(OtherWebServerFactory.class.getName());
            assertThat(analysis.getAction()).contains("spring.main.web-application-type=none")
                    .endsWith("set tornado.server.allow-second-server=true.");
        });
    }

    @Test
    void aSecondWebServerIsAcceptedWhenAllowedAndKeepsServerPortForItself() {
        try (LogCapture logs = LogCapture.of(TornadoAutoConfiguration.class.getName())) {
            TestContexts.runner().withBean(HelloHandler.class).withBean(OtherWebServerFactory.class)
                    .withPropertyValues("tornado.server.allow-second-server=true", "server.port=1",
                            "server.servlet.context-path=/app")
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        HttpServer server = context.getBean(HttpServer.class);
                        assertThat(server.port()).isNotEqualTo(1);
                        assertThat(TornadoTestClient.of(server).get("/hello").body()).isEqualTo("hello");
                    });
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void theAnalyzersAreRegisteredWithBoot() {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation().load(
                FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { }));
        assertThat(analyzers).extracting((analyzer) -> analyzer.getClass().getName()).contains(
                TornadoPortInUseFailureAnalyzer.class.getName(), SecondWebServerFailureAnalyzer.class.getName(),
                InvalidRouteFailureAnalyzer.class.getName());
    }

    /** The analysis Boot would print, from whichever of the starter's analyzers recognises the failure. */
    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).isNotNull();
        for (FailureAnalyzer analyzer : List.of(new TornadoPortInUseFailureAnalyzer(),
                new SecondWebServerFailureAnalyzer(), new InvalidRouteFailureAnalyzer())) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("no analyzer recognises " + failure);
    }
}
