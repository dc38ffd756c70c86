package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Test;
import org.tornadojava.demo.DemoServer;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tornadojava.demo.chat.ChatClient.cookie;
import static org.tornadojava.demo.chat.ChatClient.form;

/** The demo under non-default settings (admin whitelist, XSRF protection, message cache size) and stopping. */
class DemoSettingsTest {

    @Test
    void adminIsRefusedToAddressesOutsideTheAdminWhitelist() throws Exception {
        try (DemoServer server = DemoServer.start("--tornado-demo.admin-whitelist=10.0.0.0/8, ::1/128")) {
            RawResponse refused = RawHttpClient.get(server.port(), "/admin");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).doesNotContain("admin ok");
            assertThat(RawHttpClient.get(server.port(), "/plaintext").status()).isEqualTo(200);
        }
    }

    @Test
    void withXsrfOnPostsNeedTheTokenThePagesCarry() throws Exception {
        try (DemoServer server = DemoServer.start("--tornado.security.xsrf-cookies=true")) {
            ChatClient client = new ChatClient(server.port());
            RawResponse loginPage = client.get("/login", null);
            String xsrfCookie = cookie(loginPage, "_xsrf");
            String loginToken = hiddenXsrf(loginPage.text());
            assertThat(xsrfCookie).isNotNull();
            assertThat(client.post("/login", null, form("username", "alice")).status()).isEqualTo(403);
            assertThat(client.post("/login", xsrfCookie, form("username", "alice")).status()).isEqualTo(403);
            RawResponse login = client.post("/login", xsrfCookie, form("username", "alice", "_xsrf", loginToken));
            assertThat(login.status()).isEqualTo(302);
            String cookies = xsrfCookie + "; " + cookie(login, ChatUser.COOKIE);

            RawResponse room = client.get("/room", cookies);
            assertThat(room.text()).contains("<form id=\"messageform\"");
            String roomToken = hiddenXsrf(room.text().substring(room.text().indexOf("id=\"messageform\"")));
            assertThat(client.post("/a/message/new", cookies, form("body", "no token")).status()).isEqualTo(403);
            assertThat(client.post("/a/message/updates", cookies, form("cursor", "0")).status()).isEqualTo(403);
            RawResponse sent = client.post("/a/message/new", cookies, form("body", "with token", "_xsrf", roomToken));
            assertThat(sent.status()).isEqualTo(200);
            assertThat(client.post("/a/message/updates", cookies, form("cursor", "0", "_xsrf", roomToken)).text())
                    .isEqualTo("{\"messages\":[" + sent.text() + "]}");
        }
    }

    @Test
    void theRoomKeepsMessageCacheMessages() throws Exception {
        try (DemoServer server = DemoServer.start("--tornado-demo.message-cache=2")) {
            ChatClient client = new ChatClient(server.port());
            String alice = client.login("alice");
            for (String body : new String[] {"one", "two", "three"}) {
                client.post("/a/message/new", alice, form("body", body));
            }
            assertThat(client.stats().messages()).isEqualTo(2);
            assertThat(client.post("/a/message/updates", alice, form("cursor", "0")).text())
                    .isEqualTo("{\"messages\":[{\"id\":2,\"from\":\"alice\",\"body\":\"two\"},"
                            + "{\"id\":3,\"from\":\"alice\",\"body\":\"three\"}]}");
        }
    }

    @Test
    void anInvalidRedisUrlStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> DemoServer.start("--tornado-demo.redis-url=localhost:6379"))
                .hasStackTraceContaining("tornado-demo.redis-url").hasStackTraceContaining("not a Redis URL");
    }

    @Test
    void aMessageCacheBelowOneStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> DemoServer.start("--tornado-demo.message-cache=0"))
                .hasStackTraceContaining("tornado-demo.message-cache").hasStackTraceContaining("must be at least 1");
    }

    @Test
    void aWaitingLongPollDoesNotHoldUpTheGracefulShutdown() throws Exception {
        DemoServer server = DemoServer.start("--tornado.server.shutdown-timeout=5s");
        try (LogCapture log = LogCapture.of("tornado.general")) {
            ChatClient client = new ChatClient(server.port());
            CompletableFuture<RawResponse> poll = client.pollUpdates(client.login("alice"), "");
            Await.until(() -> client.stats().waiters() == 1);
            server.close();
            assertThat(poll.get(10, TimeUnit.SECONDS).status()).isEqualTo(503);
            assertThat(log.messagesOf("tornado.general")).contains("Tornado server stopped gracefully");
        }
    }

    private static String hiddenXsrf(String html) {
        return html.replaceFirst("(?s).*?<input type=\"hidden\" name=\"_xsrf\" value=\"([0-9a-f|]+)\"/>.*", "$1");
    }
}
