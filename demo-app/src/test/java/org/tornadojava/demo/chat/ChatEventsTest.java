package org.tornadojava.demo.chat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.testing.Await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.demo.chat.ChatClient.form;
import static org.tornadojava.demo.chat.ChatClient.json;

/** {@code GET /a/message/events}: the chat as Server-Sent Events, with replay after {@code Last-Event-ID}. */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class ChatEventsTest {
    @LocalTornadoPort
    private int port;

    private ChatClient client;

    @BeforeEach
    void client() {
        client = new ChatClient(port);
    }

    /** Reads the stream until {@code expected} arrived; returns everything read so far. */
    private static String readUntil(InputStream in, StringBuilder received, String expected) throws IOException {
        byte[] buffer = new byte[4096];
        while (!received.toString().contains(expected)) {
            int n = in.read(buffer);
            assertThat(n).as("stream still open while waiting for " + expected + " after " + received).isPositive();
            received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return received.toString();
    }

    private long post(String cookie, String body) throws IOException {
        return json(client.post("/a/message/new", cookie, form("body", body))).get("id").asLong();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        assertThat(client.get("/a/message/events", null).status()).isEqualTo(302);
    }

    @Test
    void aReconnectReplaysTheMessagesAfterLastEventIdThenStreamsNewOnes() throws Exception {
        String alice = client.login("alice");
        long first = post(alice, "one");
        long second = post(alice, "two");
        long third = post(alice, "three");
        int listenersBefore = client.stats().websockets();

        try (RawHttpClient stream = new RawHttpClient(port)) {
            stream.write("GET /a/message/events HTTP/1.1\r\nHost: x\r\nCookie: " + alice + "\r\n"
                    + "Last-Event-ID: " + first + "\r\nAccept: text/event-stream\r\n\r\n");
            InputStream in = stream.socket().getInputStream();
            StringBuilder received = new StringBuilder();
            String replayed = readUntil(in, received, "id: " + third + "\n");
            assertThat(replayed).contains("Content-Type: text/event-stream")
                    .contains("id: " + second + "\ndata: {\"id\":" + second
                            + ",\"from\":\"alice\",\"body\":\"two\"}\n\n")
                    .doesNotContain("\"body\":\"one\"");

            long fourth = post(alice, "four\nlines");
            assertThat(readUntil(in, received, "id: " + fourth + "\n"))
                    .contains("id: " + fourth + "\ndata: {\"id\":" + fourth
                            + ",\"from\":\"alice\",\"body\":\"four\\nlines\"}\n\n");
        }
        Await.until(() -> client.stats().websockets() == listenersBefore, Duration.ofSeconds(30));
    }

    @Test
    void aFirstConnectionStartsAfterTheCursorArgument() throws Exception {
        String bob = client.login("bob");
        long first = post(bob, "before the page");
        long second = post(bob, "after the page");

        try (RawHttpClient stream = new RawHttpClient(port)) {
            stream.write("GET /a/message/events?cursor=" + first + " HTTP/1.1\r\nHost: x\r\nCookie: " + bob
                    + "\r\n\r\n");
            String received = readUntil(stream.socket().getInputStream(), new StringBuilder(), "id: " + second
                    + "\n");
            assertThat(received).doesNotContain("before the page").contains("after the page");
        }
    }
}
