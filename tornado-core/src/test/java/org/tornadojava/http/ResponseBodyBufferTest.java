package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole responses whose head the connection writes itself: into the room in front of a {@link ResponseWriter#newBody()}
 * buffer, or into a buffer of its own when the body came from elsewhere or the head does not fit, never over bytes
 * that belong to someone else.
 */
class ResponseBodyBufferTest {
    private static final byte[] LARGE = pattern(100_000);
    private static final byte[] PREFIX = "prefix owned by someone else;".repeat(20).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHARED = shared();
    private static IOLoopGroup loops;
    private static HttpServer server;

    @BeforeAll
    static void start() {
        loops = new IOLoopGroup(1, Transport.AUTO);
        server = new HttpServer(ResponseBodyBufferTest::receiver, new HttpServerOptions().address("127.0.0.1").port(0),
                loops);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(5));
        loops.shutdown(Duration.ofSeconds(5));
    }

    private static RequestReceiver receiver(HttpServerRequest request) {
        return new AnswerWhenComplete(() -> respond(request.path(), request.writer()));
    }

    private static void respond(String path, ResponseWriter writer) {
        HttpHeaders headers = ResponseWriter.newHeaders();
        headers.set("Content-Type", "text/plain");
        ByteBuf body;
        switch (path) {
            case "/own-small":
                body = writer.newBody().writeBytes("small body".getBytes(StandardCharsets.US_ASCII));
                break;
            case "/own-large":
                body = writer.newBody().writeBytes(LARGE);
                break;
            case "/own-long-head":
                headers.set("X-Long", "v".repeat(2_000));
                body = writer.newBody().writeBytes("after a long head".getBytes(StandardCharsets.US_ASCII));
                break;
            case "/shared":
                body = Unpooled.wrappedBuffer(SHARED).readerIndex(PREFIX.length);
                break;
            default:
                body = Unpooled.wrappedBuffer(LARGE);
        }
        writer.writeFull(HttpResponseStatus.OK, headers, body);
    }

    @Test
    void bodiesFromNewBodyGoOutWholeWithTheirHead() throws Exception {
        try (RawHttpClient client = new RawHttpClient(server.port())) {
            RawResponse small = client.request("GET /own-small HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
            RawResponse large = client.request("GET /own-large HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
            RawResponse longHead = client.request("GET /own-long-head HTTP/1.1\r\nHost: x\r\n\r\n", "GET");

            assertThat(small.text()).isEqualTo("small body");
            assertThat(small.header("Content-Length")).isEqualTo("10");
            assertThat(large.body()).isEqualTo(LARGE);
            assertThat(longHead.header("X-Long")).hasSize(2_000);
            assertThat(longHead.text()).isEqualTo("after a long head");
        }
    }

    @Test
    void theBytesInFrontOfABodyFromElsewhereAreLeftAlone() throws Exception {
        RawResponse response = RawHttpClient.get(server.port(), "/shared");

        assertThat(response.text()).isEqualTo("shared body");
        assertThat(Arrays.copyOf(SHARED, PREFIX.length)).isEqualTo(PREFIX);
    }

    @Test
    void aLargeBodyFromElsewhereFollowsItsHead() throws Exception {
        RawResponse response = RawHttpClient.get(server.port(), "/foreign-large");

        assertThat(response.body()).isEqualTo(LARGE);
    }

    private static byte[] shared() {
        byte[] body = "shared body".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(PREFIX, PREFIX.length + body.length);
        System.arraycopy(body, 0, bytes, PREFIX.length, body.length);
        return bytes;
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
