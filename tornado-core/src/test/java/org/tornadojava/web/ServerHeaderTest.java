package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code Server} header follows {@link Application.Builder#serverHeader(String)}. */
class ServerHeaderTest {
    static final class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }

    @Test
    void responsesCarryTheDefaultServerHeader() throws Exception {
        try (TestServer server = TestServer.start(Application.builder().route("/", Hello::new).build())) {
            assertThat(server.get("/").header("Server")).isEqualTo(Application.DEFAULT_SERVER_HEADER);
        }
    }

    @Test
    void aConfiguredServerHeaderReplacesTheDefault() throws Exception {
        Application app = Application.builder().serverHeader("Acme/2").route("/", Hello::new).build();
        try (TestServer server = TestServer.start(app)) {
            assertThat(server.get("/").header("Server")).isEqualTo("Acme/2");
        }
    }

    @Test
    void anEmptyServerHeaderSendsNone() throws Exception {
        Application app = Application.builder().serverHeader("").route("/", Hello::new).build();
        try (TestServer server = TestServer.start(app)) {
            RawResponse response = server.get("/");
            assertThat(response.text()).isEqualTo("hello");
            assertThat(response.headerNames()).doesNotContain("Server");
        }
    }

    @Test
    void aServerHeaderWithALineBreakIsRefused() {
        assertThatThrownBy(() -> Application.builder().serverHeader("Acme\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII");
    }
}
