package org.tornadojava.examples;

import org.junit.jupiter.api.Test;
import org.tornadojava.testing.AsyncHttpTestServer;

import static org.assertj.core.api.Assertions.assertThat;

class HelloWorldTest {
    @Test
    void theDocumentedExampleServesBothRoutes() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(HelloWorld.makeApp())) {
            assertThat(server.fetch("/").text()).isEqualTo("Hello, world");
            assertThat(server.fetch("/story/7").text()).isEqualTo("You requested story 7");
        }
    }
}
