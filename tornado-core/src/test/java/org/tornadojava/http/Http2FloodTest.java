package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.Http2Client;
import org.tornadojava.support.RawHttp2Client;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each known HTTP/2 flood, sent by a hostile client: the server ends that connection with {@code GOAWAY
 * ENHANCE_YOUR_CALM} (or a protocol error) after a bounded number of frames, and keeps serving other connections.
 */
class Http2FloodTest {
    private static final int ENHANCE_YOUR_CALM = 0xb;
    private static TestServer server;

    static final class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/", Hello::new).build(),
                new HttpServerOptions().address("127.0.0.1").port(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Writes an attack on a connection; may throw once the server closed it. */
    private interface Attack {
        void send(RawHttp2Client attacker) throws Exception;
    }

    @Test
    void rapidResetIsCutOffWithGoAway() throws Exception {
        assertCutOffWithGoAway(attacker -> {
            for (int stream = 1; stream < 20_000; stream += 2) {
                attacker.frame(RawHttp2Client.HEADERS, RawHttp2Client.END_HEADERS | RawHttp2Client.END_STREAM,
                        stream, attacker.headerBlock(stream, "/"));
                attacker.rstStream(stream);
                if (stream % 200 == 1) {
                    attacker.flush();
                }
            }
            attacker.flush();
        });
    }

    @Test
    void endlessContinuationFramesAreCutOff() throws Exception {
        assertCutOffWithGoAway(attacker -> {
            attacker.frame(RawHttp2Client.HEADERS, 0, 1, attacker.headerBlock(1, "/"));
            for (int i = 0; i < 100_000; i++) {
                attacker.frame(RawHttp2Client.CONTINUATION, 0, 1, new byte[0]);
                if (i % 100 == 0) {
                    attacker.flush();
                }
            }
            attacker.flush();
        });
    }

    /**
     * The server detects the attack (one INFO line on {@code tornado.general}), answers it with GOAWAY
     * ENHANCE_YOUR_CALM and closes, then serves a new connection. The GOAWAY is checked when it can be read: a
     * client still writing into a closed connection may get a reset that discards it from its receive buffer.
     */
    private static void assertCutOffWithGoAway(Attack attack) throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general");
             RawHttp2Client attacker = new RawHttp2Client(server.port(), 0)) {
            try {
                attack.send(attacker);
            } catch (IOException closedByServer) {
                // The server closed the connection while the attack was still being written.
            }
            logs.await("tornado.general", "ends:");
            RawHttp2Client.Frame goAway = readQuietly(attacker);
            if (goAway != null) {
                assertThat(goAway.errorCode()).isEqualTo(ENHANCE_YOUR_CALM);
                assertThat(readQuietly(attacker)).as("connection closed").isNull();
            }
        }
        assertOtherConnectionsAreServed();
    }

    private static RawHttp2Client.Frame readQuietly(RawHttp2Client attacker) {
        try {
            return attacker.readUntil(RawHttp2Client.GOAWAY);
        } catch (IOException resetByServer) {
            return null;
        }
    }

    /**
     * PING frames, each of which the server must acknowledge, from a client that never reads: once the
     * acknowledgements it cannot send pass the limit of queued control frames (the same limit guards SETTINGS
     * acknowledgements) the server closes, so the attack's writes fail long before their bound.
     */
    @Test
    void pingsFromAClientThatReadsNothingAreCutOff() throws Exception {
        boolean closedByServer = false;
        try (RawHttp2Client attacker = new RawHttp2Client(server.port(), 4096)) {
            for (int i = 0; i < 3_000_000 && !closedByServer; i++) {
                try {
                    attacker.ping();
                    if (i % 1000 == 0) {
                        attacker.flush();
                    }
                } catch (IOException e) {
                    closedByServer = true;
                }
            }
        }
        assertThat(closedByServer).as("the server closed the flooding connection").isTrue();
        assertOtherConnectionsAreServed();
    }

    private static void assertOtherConnectionsAreServed() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            assertThat(client.get("/").text()).isEqualTo("hello");
        }
    }
}
