package org.tornadojava.demo.chat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.demo.chat.ChatClient.form;
import static org.tornadojava.demo.chat.ChatClient.json;

/** The chat's HTTP routes over a real socket: login, logout, room, message new/updates, stats. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class ChatRoutesTest {
    @LocalTornadoPort
    private int port;

    private ChatClient client;

    @BeforeEach
    void client() {
        client = new ChatClient(port);
    }

    @Test
    void loginPageIsAFormPostingAUsername() throws Exception {
        RawResponse page = client.get("/login", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(page.header("Etag")).isNull();
        assertThat(page.text()).contains("<form action=\"/login\" method=\"post\"", "name=\"username\"",
                "<button type=\"submit\">").doesNotContain("_xsrf");
        assertThat(client.get("/login?next=%2Froom%3Ftransport%3Dwebsocket", null).text())
                .contains("<input type=\"hidden\" name=\"next\" value=\"/room?transport=websocket\">");
    }

    @Test
    void loginSetsTheSignedUserCookieAndRedirectsToTheRoom() throws Exception {
        RawResponse response = client.post("/login", null, form("username", "alice"));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/room");
        String header = response.headers("Set-Cookie").get(0);
        assertThat(header).startsWith("user=\"2|1:0|").contains("|4:user|", "; HttpOnly", "; Path=/",
                "; Max-Age=2592000", "; SameSite=Lax");
        String encodedName = Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8));
        assertThat(header).contains("|" + encodedName.length() + ":" + encodedName + "|");
    }

    @Test
    void loginFollowsOnlyLocalNextPaths() throws Exception {
        assertThat(client.post("/login?next=%2Froom%3Ftransport%3Dwebsocket", null, form("username", "a"))
                .header("Location")).isEqualTo("/room?transport=websocket");
        assertThat(client.post("/login", null, form("username", "a", "next", "/stats")).header("Location"))
                .isEqualTo("/stats");
        RawResponse euro = client.post("/login?next=/%E2%82%AC", null, form("username", "a"));
        assertThat(euro.status()).isEqualTo(302);
        assertThat(euro.header("Location")).isEqualTo("/%E2%82%AC");
        for (String next : new String[] {"http://evil.example/", "//evil.example", "/\\evil.example",
                "/\t/evil.example", "evil"}) {
            RawResponse response = client.post("/login", null, form("username", "a", "next", next));
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).as(next).isEqualTo("/room");
        }
    }

    @Test
    void anUnacceptableNameShowsTheFormAgainWith400() throws Exception {
        for (String name : new String[] {"", "   ", "x".repeat(33), "a\tb"}) {
            RawResponse response = client.post("/login", null, form("username", name));
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.headers("Set-Cookie")).isEmpty();
            assertThat(response.text()).contains("class=\"error\"", "name=\"username\"");
        }
    }

    @Test
    void logoutClearsTheUserCookieAndRedirectsToLogin() throws Exception {
        RawResponse response = client.get("/logout", client.login("alice"));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/login");
        assertThat(response.headers("Set-Cookie")).singleElement().satisfies(header ->
                assertThat(header).startsWith("user=\"\"; expires=").contains("Max-Age=0", "Path=/"));
    }

    @Test
    void roomRedirectsAnonymousVisitorsToTheLoginPage() throws Exception {
        RawResponse anonymous = client.get("/room", null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).isEqualTo("/login?next=%2Froom");
        String forged = client.login("alice").replace("YWxpY2U=", "Ym9iYg==");
        assertThat(client.get("/room", forged).header("Location")).isEqualTo("/login?next=%2Froom");
        assertThat(client.get("/room?transport=websocket", null).header("Location"))
                .isEqualTo("/login?next=%2Froom%3Ftransport%3Dwebsocket");
    }

    @Test
    void roomGreetsTheUserAndShowsTheKeptMessagesEscaped() throws Exception {
        String alice = client.login("alice");
        client.post("/a/message/new", alice, form("body", "<script>alert('x')</script> & more"));
        RawResponse room = client.get("/room", alice);
        assertThat(room.status()).isEqualTo(200);
        assertThat(room.header("Etag")).isNull();
        assertThat(room.text()).contains("<p id=\"greeting\">Hello, <b>alice</b>!</p>", "<form id=\"messageform\"",
                "<input name=\"body\"", "id=\"inbox\"", "data-transport=\"longpoll\"",
                "<span class=\"from\">alice</span>",
                "<span class=\"body\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</span>",
                "<script src=\"/static/chat.js?v=", "href=\"/static/chat.css?v=")
                .doesNotContain("<script>alert");
        assertThat(client.get("/room?transport=websocket", alice).text()).contains("data-transport=\"websocket\"");

        String eve = client.login("<i>eve</i>");
        assertThat(client.get("/room", eve).text()).contains("Hello, <b>&lt;i&gt;eve&lt;/i&gt;</b>!")
                .doesNotContain("<i>eve");
    }

    @Test
    void messageNewStoresAndAnswersTheMessageAsJson() throws Exception {
        String alice = client.login("alice");
        RawResponse first = client.post("/a/message/new", alice, form("body", "héllo <b>"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        JsonNode message = json(first);
        assertThat(message.propertyNames()).containsExactly("id", "from", "body");
        assertThat(message.get("from").asString()).isEqualTo("alice");
        assertThat(message.get("body").asString()).isEqualTo("héllo <b>");
        long id = message.get("id").asLong();
        JsonNode second = json(client.post("/a/message/new", alice, form("body", "again")));
        assertThat(second.get("id").asLong()).isGreaterThan(id);
        assertThat(first.text()).isEqualTo("{\"id\":" + id + ",\"from\":\"alice\",\"body\":\"héllo <b>\"}");
    }

    @Test
    void messageNewNeedsAUserAndABody() throws Exception {
        assertThat(client.post("/a/message/new", null, form("body", "hi")).status()).isEqualTo(403);
        String alice = client.login("alice");
        assertThat(client.post("/a/message/new", alice, form()).status()).isEqualTo(400);
        assertThat(client.post("/a/message/new", alice, form("body", "  ")).status()).isEqualTo(400);
        assertThat(client.post("/a/message/new", alice, form("body", "x".repeat(2001))).status()).isEqualTo(400);
        assertThat(client.post("/a/message/new", alice, form("body", "x".repeat(2000))).status()).isEqualTo(200);
    }

    @Test
    void updatesAnswerAtOnceWithTheKeptMessagesNewerThanTheCursor() throws Exception {
        String alice = client.login("alice");
        long first = json(client.post("/a/message/new", alice, form("body", "one"))).get("id").asLong();
        RawResponse secondAnswer = client.post("/a/message/new", alice, form("body", "two"));
        RawResponse updates = client.post("/a/message/updates", alice, form("cursor", Long.toString(first)));
        assertThat(updates.status()).isEqualTo(200);
        assertThat(updates.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(updates.text()).isEqualTo("{\"messages\":[" + secondAnswer.text() + "]}");
    }

    @Test
    void updatesWithoutCursorWaitForTheNextMessage() throws Exception {
        String alice = client.login("alice");
        String bob = client.login("bob");
        client.post("/a/message/new", alice, form("body", "before the poll"));
        int waiting = client.stats().waiters();
        CompletableFuture<RawResponse> poll = client.pollUpdates(bob, "");
        Await.until(() -> waiters() == waiting + 1);
        assertThat(poll).isNotDone();
        RawResponse posted = client.post("/a/message/new", alice, form("body", "after the poll"));
        RawResponse answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("{\"messages\":[" + posted.text() + "]}");
        Await.until(() -> waiters() == waiting);
    }

    @Test
    void aLongPollWhoseClientGoesAwayIsRemovedAtOnce() throws Exception {
        String bob = client.login("bob");
        int waiting = client.stats().waiters();
        byte[] body = form("cursor", "");
        try (RawHttpClient leaver = new RawHttpClient(port)) {
            leaver.write("POST /a/message/updates HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + bob
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            leaver.write(body);
            Await.until(() -> waiters() == waiting + 1);
        }
        Await.until(() -> waiters() == waiting);
    }

    @Test
    void updatesNeedAUserAndAValidCursor() throws Exception {
        assertThat(client.post("/a/message/updates", null, form("cursor", "")).status()).isEqualTo(403);
        String alice = client.login("alice");
        for (String cursor : new String[] {"abc", "-1", "1.5", "99999999999999999999"}) {
            assertThat(client.post("/a/message/updates", alice, form("cursor", cursor)).status()).as(cursor)
                    .isEqualTo(400);
        }
    }

    @Test
    void statsAreJsonWithWaitersWebsocketsAndMessages() throws Exception {
        RawResponse response = client.get("/stats", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(response.text()).matches("\\{\"waiters\":[0-9]+,\"websockets\":[0-9]+,\"messages\":[0-9]+}");
        int before = client.stats().messages();
        client.post("/a/message/new", client.login("alice"), form("body", "count me"));
        assertThat(client.stats().messages()).isEqualTo(Math.min(before + 1, 200));
    }

    @Test
    void getOnlyRoutesRefuseOtherMethods() throws Exception {
        assertThat(client.post("/stats", null, form()).status()).isEqualTo(405);
        assertThat(client.get("/a/message/new", client.login("alice")).status()).isEqualTo(405);
    }

    private int waiters() {
        return client.stats().waiters();
    }
}
