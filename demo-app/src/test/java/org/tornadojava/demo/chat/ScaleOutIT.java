package org.tornadojava.demo.chat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.demo.chat.ChatClient.json;

/**
 * Two demo instances (separate processes) behind nginx, sharing the chat through Redis, as docs/deployment.md
 * describes. Needs the Debian packages redis-server and nginx ({@code .ci/run} installs them); runs after
 * {@code package} on the real jar. The Redis outage test runs last: it restarts Redis.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
    private static final String TRUSTED_CLIENT = "127.0.0.2";
    private static final String OTHER_CLIENT = "127.0.0.3";
    /** Logs of every process stay here after the run, for a failed run's post-mortem. */
    private static Path folder;
    private static RedisProcess redis;
    private static DemoProcess a;
    private static DemoProcess b;
    private static NginxProcess nginx;

    @BeforeAll
    static void startEverything() throws Exception {
        Files.createDirectories(Path.of("target"));
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "scale-out-");
        redis = RedisProcess.start(folder.resolve("redis"));
        a = DemoProcess.launch("a", folder, ExternalProgram.freePort(), settings());
        b = DemoProcess.launch("b", folder, ExternalProgram.freePort(), settings());
        a.awaitStarted();
        b.awaitStarted();
        nginx = NginxProcess.start(folder.resolve("nginx"), a.port(), b.port());
    }

    private static String[] settings() {
        return new String[] {
                "--tornado-demo.redis-url=" + redis.url(),
                "--tornado.security.cookie-secret=scale-out-test-secret",
                "--tornado.security.xsrf-cookies=true",
                "--tornado.server.xheaders=true",
                "--tornado.server.trusted-proxies=127.0.0.1/32",
                "--tornado-demo.admin-whitelist=" + TRUSTED_CLIENT + "/32"};
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable process : new AutoCloseable[] {nginx, a, b, redis}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Each instance learns of a message a moment after it is stored; a test parking a waiter "for the next message"
     * starts once both hold the same messages, so that a message of the previous test can't arrive late.
     */
    @BeforeEach
    void instancesAgree() {
        Await.until(() -> stats(a).messages() == stats(b).messages());
    }

    @Test
    @Order(1)
    void signedCookiesAndXsrfTokensFromOneInstanceAreValidOnTheOther() throws Exception {
        ChatSession alice = ChatSession.signIn(a.port(), "alice");

        RawResponse room = alice.get(b.port(), "/room");
        assertThat(room.status()).isEqualTo(200);
        assertThat(room.text()).contains("Hello, <b>alice</b>!");
        RawResponse said = alice.say(b.port(), "signed on A, said on B");
        assertThat(said.status()).isEqualTo(200);
        assertThat(json(said).get("from").asString()).isEqualTo("alice");
    }

    @Test
    @Order(2)
    void aLongPollParkedOnAGetsAMessagePostedThroughB() throws Exception {
        ChatSession bob = ChatSession.signIn(nginx.port(), "bob");
        CompletableFuture<RawResponse> waiter = bob.poll(a.port(), "");
        Await.until(() -> stats(a).waiters() == 1);

        RawResponse posted = bob.say(b.port(), "from B to A");

        assertThat(posted.status()).isEqualTo(200);
        RawResponse answer = waiter.get(5, TimeUnit.SECONDS);
        assertThat(answer.text()).isEqualTo("{\"messages\":[" + posted.text() + "]}");
    }

    @Test
    @Order(3)
    void aWebSocketOnBSeesAMessageSentOverASocketOnAAndSoDoesOneThroughNginx() throws Exception {
        ChatSession carol = ChatSession.signIn(nginx.port(), "carol");
        SocketInbox onA = new ChatClient(a.port()).openSocket("/chatsocket", carol.cookies());
        SocketInbox onB = new ChatClient(b.port()).openSocket("/chatsocket", carol.cookies());
        SocketInbox throughNginx = new ChatClient(nginx.port()).openSocket("/chatsocket", carol.cookies());
        try {
            Await.until(() -> stats(a).websockets() + stats(b).websockets() == 3);

            onA.socket.sendText("{\"body\":\"over a socket on A\"}", true).join();

            for (SocketInbox inbox : List.of(onB, throughNginx, onA)) {
                JsonNode message = ChatClient.JSON.readTree(inbox.nextText());
                assertThat(message.get("from").asString()).isEqualTo("carol");
                assertThat(message.get("body").asString()).isEqualTo("over a socket on A");
            }
        } finally {
            for (SocketInbox inbox : List.of(onA, onB, throughNginx)) {
                inbox.socket.abort();
            }
        }
    }

    @Test
    @Order(4)
    void longPollsThroughNginxAreSpreadOverBothInstancesAndAllAnswered() throws Exception {
        ChatSession dave = ChatSession.signIn(nginx.port(), "dave");
        List<CompletableFuture<RawResponse>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(dave.poll(nginx.port(), ""));
        }
        Await.until(() -> stats(a).waiters() + stats(b).waiters() == 4);
        assertThat(stats(a).waiters()).isPositive();
        assertThat(stats(b).waiters()).isPositive();

        RawResponse posted = dave.say(nginx.port(), "to every waiter");

        for (CompletableFuture<RawResponse> waiter : waiters) {
            assertThat(waiter.get(5, TimeUnit.SECONDS).text()).isEqualTo("{\"messages\":[" + posted.text() + "]}");
        }
    }

    @Test
    @Order(5)
    void theWhitelistSeesTheClientThroughNginxOnlyBecauseNginxIsATrustedProxy() throws Exception {
        assertThat(admin(TRUSTED_CLIENT, nginx.port(), null).status()).isEqualTo(200);
        assertThat(admin(OTHER_CLIENT, nginx.port(), null).status()).isEqualTo(403);
        assertThat(admin(OTHER_CLIENT, nginx.port(), TRUSTED_CLIENT).status())
                .as("nginx replaces a client's own X-Real-Ip").isEqualTo(403);
        assertThat(admin(OTHER_CLIENT, a.port(), TRUSTED_CLIENT).status())
                .as("X-Real-Ip from an address that is not a trusted proxy is ignored").isEqualTo(403);
        assertThat(admin(TRUSTED_CLIENT, a.port(), null).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void withRedisStoppedPostsAre503AndAfterItsRestartNothingAcknowledgedIsLost() throws Exception {
        ChatSession erin = ChatSession.signIn(nginx.port(), "erin");
        List<String> acknowledged = new ArrayList<>();
        for (DemoProcess instance : List.of(a, b, a)) {
            RawResponse said = erin.say(instance.port(), "before the outage via " + instance.port());
            assertThat(said.status()).isEqualTo(200);
            acknowledged.add(said.text());
        }
        RawResponse last = erin.say(b.port(), "last before the outage");
        assertThat(last.status()).isEqualTo(200);
        acknowledged.add(last.text());
        long lastId = json(last).get("id").asLong();
        assertThat(erin.poll(a.port(), Long.toString(lastId - 1)).get(5, TimeUnit.SECONDS).text())
                .as("A has every message before Redis stops").contains(last.text());

        redis.stop();

        for (DemoProcess instance : List.of(a, b)) {
            RawResponse refused = erin.say(instance.port(), "while Redis is down");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.text()).doesNotContain("Exception");
        }
        SocketInbox socket = new ChatClient(a.port()).openSocket("/chatsocket", erin.cookies());
        try {
            socket.socket.sendText("{\"body\":\"sent over a socket while Redis is down\"}", true).join();
            JsonNode refusal = ChatClient.JSON.readTree(socket.nextText());
            assertThat(refusal.get("error").asString()).contains("unavailable");
            assertThat(refusal.get("body").asString()).isEqualTo("sent over a socket while Redis is down");
        } finally {
            socket.socket.abort();
        }
        CompletableFuture<RawResponse> waiterOnA = erin.poll(a.port(), Long.toString(lastId));
        Await.until(() -> stats(a).waiters() == 1);
        assertThat(stats(a).messages()).as("the instance stays up and keeps its messages").isPositive();

        redis.start();

        for (DemoProcess instance : List.of(a, b)) {
            Await.until(() -> instance.logLines("is back; chat posts are stored again") == 1, Duration.ofSeconds(30));
        }
        RawResponse afterRestart = erin.say(b.port(), "after the restart");
        assertThat(afterRestart.status()).isEqualTo(200);
        acknowledged.add(afterRestart.text());
        assertThat(waiterOnA.get(10, TimeUnit.SECONDS).text())
                .isEqualTo("{\"messages\":[" + afterRestart.text() + "]}");
        for (DemoProcess instance : List.of(a, b)) {
            Await.until(() -> everything(erin, instance).contains(afterRestart.text()));
            String everything = everything(erin, instance);
            for (String message : acknowledged) {
                assertThat(everything).contains(message);
            }
            assertThat(everything).doesNotContain("while Redis is down");
            assertThat(instance.logLines("Lost Redis at")).isEqualTo(1);
            assertThat(instance.logLines("is back; chat posts are stored again")).isEqualTo(1);
            assertThat(instance.log()).doesNotContain("\tat ");
        }
    }

    @Test
    @Order(7)
    void aRollingRestartBehindNginxLosesNoRequest() throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (loading.get()) {
                try {
                    statuses.add(RawHttpClient.get(nginx.port(), "/plaintext").status());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try {
            a = restart(a, "a-restarted");
            b = restart(b, "b-restarted");
        } finally {
            loading.set(false);
        }
        load.get(10, TimeUnit.SECONDS);
        assertThat(statuses).hasSizeGreaterThan(20).containsOnly(200);
        ChatSession frank = ChatSession.signIn(nginx.port(), "frank");
        assertThat(frank.say(a.port(), "after the rolling restart").status()).isEqualTo(200);
    }

    /**
     * Stops an instance gracefully (SIGTERM), starts a new one on its port and waits until nginx sends it requests
     * again, as docs/deployment.md's rolling restart does before going on to the next instance.
     */
    private static DemoProcess restart(DemoProcess instance, String name) throws Exception {
        int port = instance.port();
        instance.close();
        DemoProcess restarted = DemoProcess.launch(name, folder, port, settings()).awaitStarted();
        Await.until(() -> restarted.logLines("200 GET /plaintext") > 0);
        return restarted;
    }

    /** Every message the instance keeps (a long poll with cursor 0 answers at once). */
    private static String everything(ChatSession session, DemoProcess instance) {
        try {
            return session.poll(instance.port(), "0").get(10, TimeUnit.SECONDS).text();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RawResponse admin(String from, int port, String realIp) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        try (RawHttpClient client = new RawHttpClient(socket)) {
            String header = realIp == null ? "" : "X-Real-Ip: " + realIp + "\r\n";
            return client.request("GET /admin HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header
                    + "Connection: close\r\n\r\n", "GET");
        }
    }

    private static ChatStats stats(DemoProcess instance) {
        return new ChatClient(instance.port()).stats();
    }
}
