package org.tornadojava.websocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.CidrSet;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.Authenticated;

import static org.assertj.core.api.Assertions.assertThat;

/** A WebSocket route is a route like any other: @Authenticated, per-handler whitelists and cookies apply. */
class WebSocketRoutingTest {
    private static TestServer server;
    private static final String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

    @Authenticated
    static final class MembersOnly extends WebSocketHandler {
        @Override
        protected Object getCurrentUser() {
            return getCookie("member");
        }
    }

    static final class NotFromHere extends WebSocketHandler {
        @Override
        protected CidrSet ipWhitelist() {
            return CidrSet.parse("10.0.0.0/8");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/members", MembersOnly::new)
                .route("/internal", NotFromHere::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAnonymousHandshakeOnAnAuthenticatedSocketIsRedirectedToLogin() throws Exception {
        RawResponse anonymous = server.send("GET", "/members", UPGRADE, null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).isEqualTo("/login?next=%2Fmembers");
        RawResponse member = server.send("GET", "/members", UPGRADE + "Cookie: member=ann\r\n", null);
        assertThat(member.status()).isEqualTo(101);
    }

    @Test
    void thePerHandlerWhitelistRefusesTheHandshake() throws Exception {
        assertThat(server.send("GET", "/internal", UPGRADE, null).status()).isEqualTo(403);
    }
}
