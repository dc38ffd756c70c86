package org.tornadojava.demo.chat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.demo.chat.ChatClient.JSON;
import static org.tornadojava.demo.chat.ChatClient.form;
import static org.tornadojava.demo.chat.ChatClient.json;

/** One room, two kinds of clients: whatever is posted by HTTP or WebSocket reaches long polls and sockets alike. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class ChatBroadcastTest {
    @LocalTornadoPort
    private int port;

    private ChatClient client;
    private String alice;
    private String bob;

    @BeforeEach
    void signIn() throws IOException {
        client = new ChatClient(port);
        alice = client.login("alice");
        bob = client.login("bob");
    }

    @Test
    void aWebSocketMessageReachesLongPollWaitersAndEverySocketAsTheSameJson() throws Exception {
        SocketInbox aliceSocket = openChatSocket(alice);
        SocketInbox carolSocket = openChatSocket(client.login("carol"));
        int waiting = stats().waiters();
        CompletableFuture<RawResponse> bobPoll = client.pollUpdates(bob, "");
        Await.until(() -> stats().waiters() == waiting + 1);

        aliceSocket.sendText("hello from a socket");

        String sent = aliceSocket.nextText();
        JsonNode message = JSON.readTree(sent);
        assertThat(message.propertyNames()).containsExactly("id", "from", "body");
        assertThat(message.get("from").asString()).isEqualTo("alice");
        assertThat(message.get("body").asString()).isEqualTo("hello from a socket");
        assertThat(carolSocket.nextText()).isEqualTo(sent);
        assertThat(bobPoll.get(10, TimeUnit.SECONDS).text()).isEqualTo("{\"messages\":[" + sent + "]}");
        close(aliceSocket, carolSocket);
    }

    @Test
    void anHttpMessageReachesEverySocket() throws Exception {
        SocketInbox bobSocket = openChatSocket(bob);
        RawResponse posted = client.post("/a/message/new", alice, form("body", "hello from a form"));
        assertThat(bobSocket.nextText()).isEqualTo(posted.text());
        close(bobSocket);
    }

    @Test
    void socketsAcceptTornadosJsonMessagesAndIgnoreEmptyOnes() throws Exception {
        SocketInbox aliceSocket = openChatSocket(alice);
        aliceSocket.sendText("   ");
        aliceSocket.sendText("{\"body\":\"<b>as Tornado's demo sends it</b>\"}");
        JsonNode message = JSON.readTree(aliceSocket.nextText());
        assertThat(message.get("body").asString()).isEqualTo("<b>as Tornado's demo sends it</b>");
        aliceSocket.sendText("{\"other\":1}");
        assertThat(JSON.readTree(aliceSocket.nextText()).get("body").asString()).isEqualTo("{\"other\":1}");
        close(aliceSocket);
    }

    @Test
    void aSocketOpenedWithACursorFirstGetsTheMessagesItMissed() throws Exception {
        long cursor = json(client.post("/a/message/new", alice, form("body", "seen"))).get("id").asLong();
        RawResponse missed = client.post("/a/message/new", alice, form("body", "missed"));
        SocketInbox late = client.openSocket("/chatsocket?cursor=" + cursor, bob);
        assertThat(late.nextText()).isEqualTo(missed.text());
        RawResponse live = client.post("/a/message/new", alice, form("body", "live"));
        assertThat(late.nextText()).isEqualTo(live.text());
        close(late);
    }

    @Test
    void statsCountOpenSocketsUntilTheyClose() throws Exception {
        int before = stats().websockets();
        SocketInbox first = openChatSocket(alice);
        SocketInbox second = openChatSocket(bob);
        Await.until(() -> stats().websockets() == before + 2);
        first.close();
        Await.until(() -> stats().websockets() == before + 1);
        second.socket.abort();
        Await.until(() -> stats().websockets() == before);
    }

    @Test
    void anonymousChatSocketHandshakesAre403() throws Exception {
        try (RawHttpClient raw = new RawHttpClient(port)) {
            RawResponse response = raw.request("GET /chatsocket HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n", "GET");
            assertThat(response.status()).isEqualTo(403);
        }
    }

    private SocketInbox openChatSocket(String cookie) {
        int before = stats().websockets();
        SocketInbox inbox = client.openSocket("/chatsocket", cookie);
        Await.until(() -> stats().websockets() > before);
        return inbox;
    }

    private void close(SocketInbox... sockets) {
        int before = stats().websockets();
        for (SocketInbox socket : sockets) {
            socket.close();
        }
        Await.until(() -> stats().websockets() <= before - sockets.length);
    }

    private ChatStats stats() {
        return client.stats();
    }
}
