package org.tornadojava.websocket;

import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawWebSocket;
import org.tornadojava.web.Application;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketShutdownTest {
    private static HttpServer server(IOLoopGroup loops) {
        Application app = Application.builder().route("/echo/(.*)", WebSocketMessagingTest.Echo::new).build();
        HttpServer server = new HttpServer(app, new HttpServerOptions().address("127.0.0.1").port(0), loops);
        server.start();
        return server;
    }

    @Test
    void aGracefulShutdownClosesOpenWebSocketsWith1001() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = server(loops);
            try (RawWebSocket socket = new RawWebSocket(server.port(), "/echo/x")) {
                assertThat(server.shutdownGracefully(Duration.ofSeconds(2))).isTrue();
                RawWebSocket.Frame frame = socket.read();
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.CLOSE);
                assertThat(frame.closeCode()).isEqualTo(1001);
            }
        }
    }

    @Test
    void aHardStopAlsoSaysGoingAway() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = server(loops);
            try (RawWebSocket socket = new RawWebSocket(server.port(), "/echo/x")) {
                server.stop(Duration.ofSeconds(2));
                assertThat(socket.read().closeCode()).isEqualTo(1001);
            }
        }
    }
}
