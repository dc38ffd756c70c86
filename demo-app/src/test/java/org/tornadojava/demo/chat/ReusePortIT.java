package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.testing.Await;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tornado.server.reuse-port}: several demo processes listen on one port of one host (epoll's SO_REUSEPORT),
 * the kernel spreading connections over them, as Tornado's {@code fork_processes} shares one socket.
 */
class ReusePortIT {
    private static final String PLAINTEXT_LOGGED = "200 GET /plaintext";

    @Test
    void twoProcessesShareOnePortAndBothAnswer(@TempDir Path folder) throws Exception {
        int port = ExternalProgram.freePort();
        try (DemoProcess first = DemoProcess.launch("first", folder, port, "--tornado.server.reuse-port=true");
             DemoProcess second = DemoProcess.launch("second", folder, port, "--tornado.server.reuse-port=true")) {
            first.awaitStarted();
            second.awaitStarted();

            for (int i = 0; i < 60; i++) {
                assertThat(RawHttpClient.get(port, "/plaintext").status()).isEqualTo(200);
            }

            Await.until(() -> first.logLines(PLAINTEXT_LOGGED) + second.logLines(PLAINTEXT_LOGGED) == 60);
            assertThat(first.logLines(PLAINTEXT_LOGGED)).isPositive();
            assertThat(second.logLines(PLAINTEXT_LOGGED)).isPositive();
        }
    }

    @Test
    void withoutReusePortASecondProcessCannotTakeThePort(@TempDir Path folder) throws Exception {
        int port = ExternalProgram.freePort();
        try (DemoProcess first = DemoProcess.launch("first", folder, port)) {
            first.awaitStarted();
            DemoProcess second = DemoProcess.launch("second", folder, port);
            assertThat(second.awaitExit()).isNotZero();
            assertThat(second.log()).contains("APPLICATION FAILED TO START")
                    .contains("port " + port + " (tornado.server.port=" + port + ") is already in use");
        }
    }
}
