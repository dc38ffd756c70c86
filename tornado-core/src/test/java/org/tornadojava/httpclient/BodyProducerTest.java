package org.tornadojava.httpclient;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed request bodies ({@code bodyProducer}): chunked or with a length, backpressure, and a failing producer. */
class BodyProducerTest {
    private static final byte[] DATA = new byte[3 * 1024 * 1024 + 17];
    private static final int PIECE = 64 * 1024;
    private static TestServer server;
    private static AsyncHttpClient client;
    private static ExecutorService executor;

    static {
        new Random(7).nextBytes(DATA);
    }

    /** Answers with how the body came (Transfer-Encoding, Content-Length), its length and its SHA-256. */
    static final class Digest extends RequestHandler {
        public void put() throws Exception {
            byte[] body = request().body();
            write(request().headers().get("Transfer-Encoding") + " " + request().headers().get("Content-Length")
                    + " " + body.length + " " + sha256(body));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/digest", Digest::new).build());
        client = new AsyncHttpClient();
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Writes DATA piece by piece from an executor thread, each piece once the previous one reached the socket. */
    private static CompletableFuture<Void> writeFrom(int offset, BodyWriter write) {
        if (offset >= DATA.length) {
            return CompletableFuture.completedFuture(null);
        }
        int length = Math.min(PIECE, DATA.length - offset);
        return CompletableFuture.supplyAsync(() -> write.write(DATA, offset, length), executor)
                .thenCompose(sent -> sent)
                .thenCompose(sent -> writeFrom(offset + length, write));
    }

    @Test
    void aProducedBodyWithoutLengthIsSentChunkedAndArrivesIntact() throws Exception {
        HttpResponse response = client.fetch(HttpRequest.builder(server.getUrl("/digest")).method("PUT")
                .bodyProducer(write -> writeFrom(0, write)).build()).get(20, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo("chunked null " + DATA.length + " " + sha256(DATA));
    }

    @Test
    void withAContentLengthTheProducedBodyIsSentAsIs() throws Exception {
        HttpResponse response = client.fetch(HttpRequest.builder(server.getUrl("/digest")).method("PUT")
                .header("Content-Length", DATA.length)
                .bodyProducer(write -> writeFrom(0, write)).build()).get(20, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo("null " + DATA.length + " " + DATA.length + " " + sha256(DATA));
    }

    @Test
    void theConnectionOfACompleteProducedRequestIsReused() throws Exception {
        byte[] small = "small".getBytes(StandardCharsets.UTF_8);
        try (ScriptedServer scripted = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             AsyncHttpClient own = new AsyncHttpClient()) {
            for (int i = 0; i < 2; i++) {
                own.fetch(HttpRequest.builder(scripted.url("/put")).method("PUT").header("Content-Length", 5)
                        .bodyProducer(write -> write.write(small)).build()).get(10, TimeUnit.SECONDS);
            }

            assertThat(scripted.acceptedConnections()).isEqualTo(1);
            assertThat(scripted.requests()).extracting(request -> new String(request.body(), StandardCharsets.UTF_8))
                    .containsExactly("small", "small");
        }
    }

    @Test
    void aProducerWhoseFutureFailsAbortsTheRequestWithItsCause() throws Exception {
        IllegalStateException boom = new IllegalStateException("disk gone");

        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/digest"))
                .method("PUT").bodyProducer(write -> write.write(new byte[100])
                        .thenCompose(sent -> CompletableFuture.failedFuture(boom))).build()));

        assertThat(error).isSameAs(boom);
    }

    @Test
    void aProducerThatThrowsAbortsTheRequestWithWhatItThrew() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("no such file");

        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/digest"))
                .method("PUT").bodyProducer(write -> {
                    throw boom;
                }).build()));

        assertThat(error).isSameAs(boom);
    }

    @Test
    void aProducerWritingLessThanTheContentLengthFailsTheRequest() throws Exception {
        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/digest"))
                .method("PUT").header("Content-Length", 10).bodyProducer(write -> write.write(new byte[4]))
                .build()));

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessage("the body producer wrote 4 bytes but the Content-Length is 10");
    }

    @Test
    void aWriteBeyondTheContentLengthFailsTheRequest() throws Exception {
        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/digest"))
                .method("PUT").header("Content-Length", 3).bodyProducer(write -> write.write(new byte[4]))
                .build()));

        assertThat(error).isInstanceOf(IllegalStateException.class)
                .hasMessage("the body producer wrote more than the Content-Length of 3 bytes");
    }

    /** Holds every outgoing write until the test completes it, as a socket whose peer reads nothing would. */
    private static final class HeldWrites extends ChannelOutboundHandlerAdapter {
        final List<ChannelPromise> promises = new ArrayList<>();
        final AtomicInteger bytes = new AtomicInteger();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            bytes.addAndGet(((ByteBuf) ((HttpContent) msg).content()).readableBytes());
            ReferenceCountUtil.release(msg);
            promises.add(promise);
        }
    }

    @Test
    void aWriteCompletesOnlyOnceItsBytesReachedTheSocket() {
        HeldWrites held = new HeldWrites();
        EmbeddedChannel channel = new EmbeddedChannel(held);
        RequestBodyWriter writer = new RequestBodyWriter(channel, -1, error -> { });
        byte[] piece = new byte[1000];

        CompletableFuture<Void> first = writer.write(piece);
        piece[0] = 1;

        assertThat(first).isNotDone();
        assertThat(held.bytes.get()).isEqualTo(1000);
        held.promises.get(0).setSuccess();
        assertThat(first).isCompleted();
        channel.finishAndReleaseAll();
    }

    @Test
    void writesAfterTheExchangeEndedFailWithStreamClosed() {
        EmbeddedChannel channel = new EmbeddedChannel();
        RequestBodyWriter writer = new RequestBodyWriter(channel, -1, error -> { });
        writer.close();

        assertThat(writer.write(new byte[1])).isCompletedExceptionally()
                .failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StreamClosedException.class);
        channel.finishAndReleaseAll();
    }
}
