package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server-Sent Events: the wire format, replay after Last-Event-ID, heartbeats, disconnects and slow readers. */
class EventStreamTest {
    static final CompletableFuture<Void> HEARTBEAT_CLOSED = new CompletableFuture<>();
    static final CompletableFuture<Void> HEARTBEAT_DONE = new CompletableFuture<>();
    static final CompletableFuture<Throwable> SLOW_FAILURE = new CompletableFuture<>();
    static final CompletableFuture<Void> SLOW_CLOSED = new CompletableFuture<>();

    static final class Format extends RequestHandler {
        public void get() {
            EventStream events = eventStream();
            events.retry(Duration.ofSeconds(3));
            events.sendEvent("7", "chat", "one\ntwo\r\nthree\rfour");
            events.sendEvent("plain");
            events.comment("just a comment");
            events.close();
        }
    }

    /** Replays the messages 1..5 after the client's Last-Event-ID. */
    static final class Replay extends RequestHandler {
        public CompletionStage<Void> get() {
            EventStream events = eventStream();
            String last = getLastEventId();
            for (int id = last == null ? 1 : Integer.parseInt(last) + 1; id <= 5; id++) {
                events.sendEvent(String.valueOf(id), null, "message " + id);
            }
            events.close();
            return events.done();
        }
    }

    static final class Heartbeat extends RequestHandler {
        private EventStream events;

        public CompletionStage<Void> get() {
            events = eventStream().heartbeat(Duration.ofMillis(20));
            events.done().thenRun(() -> HEARTBEAT_DONE.complete(null));
            return events.done();
        }

        @Override
        protected void onConnectionClose() {
            HEARTBEAT_CLOSED.complete(null);
            events.close();
        }
    }

    /** Sends 64 KiB events, each after the previous one's flush, until a flush fails. */
    static final class Firehose extends RequestHandler {
        private EventStream events;

        public CompletionStage<Void> get() {
            events = eventStream();
            sendNext("x".repeat(64 * 1024));
            return events.done();
        }

        private void sendNext(String data) {
            events.sendEvent(data).whenComplete((ignored, error) -> {
                if (error != null) {
                    SLOW_FAILURE.complete(error);
                } else {
                    sendNext(data);
                }
            });
        }

        @Override
        protected void onConnectionClose() {
            SLOW_CLOSED.complete(null);
            events.close();
        }
    }

    private static TestServer start(HttpServerOptions options) {
        return TestServer.start(Application.builder()
                .route("/format", Format::new)
                .route("/replay", Replay::new)
                .route("/heartbeat", Heartbeat::new)
                .route("/firehose", Firehose::new)
                .build(), options);
    }

    @Test
    void eventsUseTheEventStreamWireFormat() throws Exception {
        try (TestServer server = start(new HttpServerOptions())) {
            RawResponse response = server.get("/format");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(response.text()).isEqualTo("retry: 3000\n\n"
                    + "id: 7\nevent: chat\ndata: one\ndata: two\ndata: three\ndata: four\n\n"
                    + "data: plain\n\n"
                    + ": just a comment\n\n");
        }
    }

    @Test
    void idsAndEventTypesWithLineBreaksAreRefused() {
        EventStream events = new EventStream(null);

        assertThatThrownBy(() -> events.sendEvent("1\n2", null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.sendEvent("1\r", null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.sendEvent("1\0", null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.sendEvent(null, "a\nb", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.comment("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReconnectingClientGetsOnlyTheEventsAfterItsLastEventId() throws Exception {
        try (TestServer server = start(new HttpServerOptions())) {
            String all = server.get("/replay").text();
            String resumed = server.send("GET", "/replay", "Last-Event-ID: 3\r\n", null).text();

            assertThat(all).startsWith("id: 1\ndata: message 1\n\n").endsWith("id: 5\ndata: message 5\n\n");
            assertThat(resumed).isEqualTo("id: 4\ndata: message 4\n\nid: 5\ndata: message 5\n\n");
        }
    }

    @Test
    void heartbeatsKeepComingWhileIdleAndStopWhenTheClientGoesAway() throws Exception {
        try (TestServer server = start(new HttpServerOptions());
             RawHttpClient client = server.connect()) {
            client.write("GET /heartbeat HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[1024];
            while (received.toString().split(":\n\n", -1).length < 4) {
                int n = in.read(buffer);
                assertThat(n).as("bytes before the third heartbeat").isPositive();
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(received.toString()).contains("Content-Type: text/event-stream");

            client.socket().close();

            HEARTBEAT_CLOSED.get(30, TimeUnit.SECONDS);
            HEARTBEAT_DONE.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAfterTheWriteTimeout() throws Exception {
        try (TestServer server = start(new HttpServerOptions().writeTimeout(Duration.ofMillis(300)));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            socket.getOutputStream().write("GET /firehose HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(SLOW_FAILURE.get(30, TimeUnit.SECONDS)).isInstanceOf(StreamClosedException.class);
            SLOW_CLOSED.get(30, TimeUnit.SECONDS);
        }
    }
}
