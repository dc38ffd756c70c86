package org.tornadojava.testing;

import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.websocket.WebSocketHandler;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncHttpTestServerTest {
    static final class Story extends RequestHandler {
        public void get(String id) {
            write("story " + id);
        }

        public void post(String id) {
            write("story " + id + " is now " + getArgument("title"));
        }
    }

    static final class Echo extends WebSocketHandler {
        @Override
        protected void onMessage(String message) {
            if (message.equals("bye")) {
                close(4001, "asked to");
            } else {
                writeMessage("echo " + message);
            }
        }
    }

    private static Application app() {
        return Application.builder().route("/story/([0-9]+)", Story::new).route("/echo", Echo::new).build();
    }

    @Test
    void fetchReturnsErrorStatusesInsteadOfRaising() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app())) {
            assertThat(server.fetch("/story/7").text()).isEqualTo("story 7");
            HttpResponse missing = server.fetch("/nowhere");
            assertThat(missing.code()).isEqualTo(404);
        }
    }

    @Test
    void fetchSendsARequestBuiltOnTheServersUrl() {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app())) {
            HttpResponse response = server.fetch(server.request("/story/9").method("POST")
                    .header("Content-Type", "application/x-www-form-urlencoded").body("title=Hi").build());
            assertThat(response.text()).isEqualTo("story 9 is now Hi");
            assertThat(server.getUrl("/story/9?x=1")).isEqualTo("http://127.0.0.1:" + server.port() + "/story/9?x=1");
        }
    }

    @Test
    void websocketConnectExchangesMessagesAndSeesTheServersClose() throws Exception {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app());
             TestWebSocket socket = server.websocketConnect("/echo")) {
            socket.writeMessage("hello");
            assertThat(socket.readText()).isEqualTo("echo hello");
            socket.writeMessage("bye");
            assertThat(socket.readMessage().get(5, TimeUnit.SECONDS)).isNull();
            assertThat(socket.closeCode()).isEqualTo(4001);
            assertThat(socket.closeReason()).isEqualTo("asked to");
        }
    }

    @Test
    void blockingFetchRefusesToRunOnAnIOLoop() throws Exception {
        try (AsyncHttpTestServer server = AsyncHttpTestServer.start(app())) {
            Throwable refused = server.loops().next().eventLoop().submit(() -> {
                try {
                    server.fetch("/story/1");
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            }).get(5, TimeUnit.SECONDS);
            assertThat(refused).hasMessageContaining("would block an IOLoop");
        }
    }

    @Test
    void aPortFromBindUnusedPortStaysTakenUntilClosed() throws Exception {
        IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO);
        try (ServerSocket taken = AsyncHttpTestServer.bindUnusedPort()) {
            HttpServer server = new HttpServer(app(), new HttpServerOptions().address("127.0.0.1")
                    .port(taken.getLocalPort()), loops);
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        } finally {
            loops.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void closeStopsTheServer() {
        AsyncHttpTestServer server = AsyncHttpTestServer.start(app());
        server.close();
        assertThat(server.server().isRunning()).isFalse();
        assertThat(server.loops().isShuttingDown()).isTrue();
    }
}
