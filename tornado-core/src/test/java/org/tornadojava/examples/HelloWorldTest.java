package org.tornadojava.examples;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

class HelloWorldTest {
    @Test
    void theDocumentedExampleServesBothRoutes() throws Exception {
        try (TestServer server = TestServer.start(HelloWorld.makeApp())) {
            assertThat(server.get("/").text()).isEqualTo("Hello, world");
            assertThat(server.get("/story/7").text()).isEqualTo("You requested story 7");
        }
    }
}
