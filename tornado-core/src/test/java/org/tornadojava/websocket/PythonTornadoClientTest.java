package org.tornadojava.websocket;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.PythonTornado;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our WebSocket server against a real external client: Python Tornado's {@code websocket_connect}, run with
 * Debian's {@code /usr/bin/python3} (package {@code python3-tornado}, installed by {@code .ci/run}). Skipped only
 * where that interpreter or module is missing.
 */
class PythonTornadoClientTest {
    static final String PYTHON = "/usr/bin/python3";

    @Test
    void tornadosOwnClientTalksToOurServer() throws Exception {
        Assumptions.assumeTrue(PythonTornado.available(), "Python Tornado is not installed at " + PYTHON);
        Application app = Application.builder()
                .route("/echo/(.*)", WebSocketMessagingTest.Echo::new)
                .websocketMaxMessageSize(4096)
                .websocketCompression(true)
                .build();
        try (TestServer server = TestServer.start(app)) {
            Path script = Path.of(getClass().getResource("/python/ws_client.py").toURI());
            Process client = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(server.port()))
                    .redirectError(ProcessBuilder.Redirect.to(new File("target/ws_client.err")))
                    .start();
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("python client finished").isTrue();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.exitValue()).as("python client exit code; stderr in target/ws_client.err")
                    .isZero();
            JsonNode seen = JsonMapper.builder().build().readTree(output);
            assertThat(seen.get("text").asText()).isEqualTo("hello from tornado");
            assertThat(seen.get("binary").toString()).isEqualTo("[0,1,254,255]");
            assertThat(seen.get("after_ping").asText()).isEqualTo("after ping");
            assertThat(seen.get("after_close").isNull()).isTrue();
            assertThat(seen.get("close_code").asInt()).isEqualTo(1001);
            assertThat(seen.get("close_reason").asText()).isEqualTo("goodbye");
            assertThat(seen.get("oversize_read").isNull()).isTrue();
            assertThat(seen.get("oversize_close_code").asInt()).isEqualTo(1009);
            assertThat(seen.get("compressed_ok").asBoolean()).isTrue();
            assertThat(seen.get("compressed_negotiated").asBoolean()).isTrue();
        }
    }
}
