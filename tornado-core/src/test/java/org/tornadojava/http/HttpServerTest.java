package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerTest {
    private static final Application EMPTY = Application.builder().build();

    @Test
    void portZeroBindsAFreePortAndLogsIt() {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO);
             LogCapture logs = LogCapture.of("tornado.general")) {
            HttpServer server = new HttpServer(EMPTY, new HttpServerOptions().address("127.0.0.1").port(0), loops);
            assertThat(server.port()).isEqualTo(-1);
            server.start();
            server.start();
            int port = server.port();
            assertThat(port).isPositive();
            assertThat(logs.messagesOf("tornado.general"))
                    .containsOnlyOnce(logs.messagesOf("tornado.general").stream()
                            .filter(m -> m.startsWith("Tornado server started on port " + port + " ")).findFirst()
                            .orElseThrow());
            server.stop(Duration.ofSeconds(5));
            assertThat(server.port()).isEqualTo(-1);
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> RawHttpClient.get(port, "/")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aPortInUseFailsStartWithAClearMessage() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO);
             ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            HttpServer server = new HttpServer(EMPTY,
                    new HttpServerOptions().address("127.0.0.1").port(taken.getLocalPort()), loops);
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void stopClosesOpenKeepAliveConnections() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = new HttpServer(EMPTY, new HttpServerOptions().address("127.0.0.1").port(0), loops);
            server.start();
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                assertThat(client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET").status()).isEqualTo(404);
                server.stop(Duration.ofSeconds(5));
                assertThat(client.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThatThrownBy(() -> new HttpServerOptions().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpServerOptions().backlog(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpServerOptions().maxBodySize(-1)).isInstanceOf(IllegalArgumentException.class);
        HttpServerOptions defaults = new HttpServerOptions();
        assertThat(defaults.port()).isEqualTo(8888);
        assertThat(defaults.address()).isEqualTo("0.0.0.0");
        assertThat(defaults.backlog()).isEqualTo(1024);
        assertThat(defaults.maxHeaderSize()).isEqualTo(65536);
        assertThat(defaults.maxBodySize()).isEqualTo(100L * 1024 * 1024);
    }
}
