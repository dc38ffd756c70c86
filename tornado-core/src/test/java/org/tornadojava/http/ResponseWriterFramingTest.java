package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.EmbeddedLoop;
import org.tornadojava.support.Outbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link ResponseWriter} frames a response, on the server's pipeline over an {@link EmbeddedChannel}: length or
 * chunks, no body for HEAD, 204 and 304, and whether the connection stays open.
 */
class ResponseWriterFramingTest {
    private EmbeddedChannel channel;
    private Consumer<ResponseWriter> respond;

    @BeforeEach
    void open() {
        channel = new EmbeddedChannel();
        HttpServerOptions options = new HttpServerOptions();
        RequestTimeouts timeouts = new RequestTimeouts(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
        channel.pipeline().addLast("timeouts", timeouts);
        channel.pipeline().addLast("encoder", new ServerResponseEncoder());
        channel.pipeline().addLast("decoder", new HttpRequestDecoder(new HttpDecoderConfig()));
        channel.pipeline().addLast("tornado", new HttpServerConnection(this::receiver, options,
                EmbeddedLoop.of(channel), "http", timeouts, new InFlightRequests()));
        channel.runPendingTasks();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        EmbeddedLoop.forget();
    }

    private RequestReceiver receiver(HttpServerRequest request) {
        return new AnswerWhenComplete(() -> respond.accept(request.writer()));
    }

    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        return Outbound.drain(channel);
    }

    private static ByteBuf text(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static HttpHeaders headers() {
        return ResponseWriter.newHeaders();
    }

    @Test
    void aWholeResponseGetsItsContentLengthAndTheConnectionStaysOpen() {
        respond = writer -> writer.writeFull(HttpResponseStatus.OK, headers(), text("hello"));

        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).isEqualToIgnoringCase("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(channel.isActive()).isTrue();
        assertThat(exchange("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")).endsWith("\r\n\r\nhello");
    }

    @Test
    void aHeadRequestGetsTheLengthOfTheBodyButNotTheBody() {
        respond = writer -> writer.writeFull(HttpResponseStatus.OK, headers(), text("hello"));

        String response = exchange("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).isEqualToIgnoringCase("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void noContentAndNotModifiedGoWithoutBodyOrLength() {
        respond = writer -> writer.writeFull(HttpResponseStatus.NO_CONTENT, headers(), text("dropped"));
        assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");

        respond = writer -> writer.writeFull(HttpResponseStatus.NOT_MODIFIED, headers(), text("dropped"));
        assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo("HTTP/1.1 304 Not Modified\r\n\r\n");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void aClientAskingToCloseGetsConnectionCloseAndTheConnectionEnds() {
        respond = writer -> writer.writeFull(HttpResponseStatus.OK, headers(), text("bye"));

        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response).containsIgnoringCase("\r\nConnection: close\r\n").endsWith("\r\n\r\nbye");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void anHttp10ClientAskingForKeepAliveGetsItAndOneWithoutDoesNot() {
        respond = writer -> writer.writeFull(HttpResponseStatus.OK, headers(), text("one"));

        String kept = exchange("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(kept).containsIgnoringCase("\r\nConnection: Keep-Alive\r\n");
        assertThat(channel.isActive()).isTrue();

        String closed = exchange("GET / HTTP/1.0\r\n\r\n");
        assertThat(closed).doesNotContainIgnoringCase("Connection:").endsWith("\r\n\r\none");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aStreamedResponseWithoutLengthIsChunked() {
        respond = writer -> {
            writer.writeHead(HttpResponseStatus.OK, headers());
            writer.writeChunk(text("hello "));
            writer.writeChunk(text("world"));
            writer.finish(null);
        };

        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).isEqualToIgnoringCase("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void aStreamedResponseWithADeclaredLengthIsSentAsIs() {
        respond = writer -> {
            HttpHeaders headers = headers().set("Content-Length", 11);
            writer.writeHead(HttpResponseStatus.OK, headers);
            writer.writeChunk(text("hello "));
            writer.finish(text("world"));
        };

        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).isEqualToIgnoringCase("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void aStreamedResponseToAnHttp10ClientEndsByClosingTheConnection() {
        respond = writer -> {
            writer.writeHead(HttpResponseStatus.OK, headers());
            writer.writeChunk(text("until "));
            writer.finish(text("close"));
        };

        String response = exchange("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

        assertThat(response).doesNotContainIgnoringCase("chunked").doesNotContainIgnoringCase("Keep-Alive")
                .endsWith("\r\n\r\nuntil close");
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aStreamedHeadResponseSendsTheHeadOnly() {
        respond = writer -> {
            writer.writeHead(HttpResponseStatus.OK, headers().set("Content-Length", 5));
            writer.writeChunk(text("hello"));
            writer.finish(null);
        };

        String response = exchange("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).isEqualToIgnoringCase("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void writingMoreThanTheDeclaredLengthClosesTheConnectionInsteadOfSendingIt() {
        ChannelFuture[] overflow = new ChannelFuture[1];
        respond = writer -> {
            writer.writeHead(HttpResponseStatus.OK, headers().set("Content-Length", 3));
            overflow[0] = writer.writeChunk(text("too long"));
        };

        String response = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).doesNotContain("too long");
        assertThat(overflow[0].isSuccess()).isFalse();
        assertThat(channel.isActive()).isFalse();
    }
}
