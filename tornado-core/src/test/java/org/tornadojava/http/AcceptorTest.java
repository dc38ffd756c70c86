package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 item 3: new connections are accepted on a thread of their own, not on an IOLoop that also serves
 * connections. With one IOLoop stuck, whichever it is, new connections are still accepted and those handed to the
 * other loop are answered; when the acceptor shared a loop, stalling that loop stopped every new connection.
 */
class AcceptorTest {

    static final class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }

    @Test
    void newConnectionsAreAcceptedWhileAnyOneIOLoopIsStuck() throws Exception {
        Application app = Application.builder().route("/", Hello::new).accessLog(false).build();
        try (TestServer server = TestServer.start(app, new HttpServerOptions(), 2)) {
            for (IOLoop stuck : server.loops().loops()) {
                CountDownLatch release = new CountDownLatch(1);
                stuck.execute(() -> awaitQuietly(release));
                try {
                    assertThat(anyOfFourNewConnectionsAnswered(server.port())
                            .get(20, TimeUnit.SECONDS).text()).isEqualTo("hello");
                } finally {
                    release.countDown();
                }
            }
        }
    }

    private static CompletableFuture<RawResponse> anyOfFourNewConnectionsAnswered(int port) {
        CompletableFuture<RawResponse> first = new CompletableFuture<>();
        for (int i = 0; i < 4; i++) {
            Thread client = new Thread(() -> {
                try {
                    first.complete(RawHttpClient.get(port, "/"));
                } catch (IOException e) {
                    // Answered after the loop was released, or cut off when the server closed: another one counts.
                }
            });
            client.setDaemon(true);
            client.start();
        }
        return first;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
