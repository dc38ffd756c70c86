package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tornadojava.support.Outbound;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The response heads the connection encodes itself are byte for byte what Netty's encoder writes. */
class FullResponseEncoderTest {

    @Test
    void aTypicalHeadIsWhatNettysEncoderWrites() {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set(AsciiString.cached("Server"), AsciiString.cached("TornadoServer/0.1.0"));
        headers.set("Content-Type", "text/plain; charset=UTF-8");
        headers.set(AsciiString.cached("Date"), AsciiString.cached("Tue, 24 Nov 2026 08:00:00 GMT"));
        headers.set("Etag", "\"0a0a9f2a6772942557ab5355d76af442f8f65e01\"");
        headers.add("Set-Cookie", "a=1; Path=/");
        headers.add("Set-Cookie", "b=2; Path=/");
        headers.set(new StringBuilder("X-Built"), new StringBuilder("from a builder"));
        headers.setInt("Content-Length", 13);

        assertThat(encodedHere(HttpResponseStatus.OK, headers))
                .isEqualTo(encodedByNetty(HttpResponseStatus.OK, headers));
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 301, 304, 404, 500, 599})
    void otherStatusLinesAreWhatNettysEncoderWrites(int code) {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set("Content-Length", "0");
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);

        assertThat(encodedHere(status, headers)).isEqualTo(encodedByNetty(status, headers));
    }

    @Test
    void aCustomReasonPhraseIsWrittenAsGiven() {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        HttpResponseStatus status = new HttpResponseStatus(299, "Fine, Thanks");

        assertThat(encodedHere(status, headers)).isEqualTo("HTTP/1.1 299 Fine, Thanks\r\n\r\n");
    }

    @Test
    void latin1ValuesGoOutAsOneByteEach() {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set("X-Name", "caf\u00e9");
        ByteBuf out = Unpooled.buffer();
        int length = FullResponseEncoder.encode(HttpResponseStatus.OK, headers);
        FullResponseEncoder.writeHead(out, length);

        assertThat(out.readableBytes()).isEqualTo(length);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\nX-Name: caf\u00e9\r\n\r\n");
        out.release();
    }

    @Test
    void aHeadLargerThanTheScratchArrayIsWrittenWhole() {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set("X-Large", "v".repeat(10_000));
        headers.set("Content-Length", "0");

        assertThat(encodedHere(HttpResponseStatus.OK, headers))
                .isEqualTo(encodedByNetty(HttpResponseStatus.OK, headers));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 204, 205})
    void statusesWhoseFramingNettyRewritesAreLeftToNettysEncoder(int code) {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set("Content-Length", "0");

        assertThat(FullResponseEncoder.encode(HttpResponseStatus.valueOf(code), headers)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding", "transfer-encoding", "TRANSFER-ENCODING"})
    void headersWithTransferEncodingAreLeftToNettysEncoder(String name) {
        HttpHeaders headers = HttpServerConnection.newResponseHeaders();
        headers.set("Content-Type", "text/plain");
        headers.set(name, "chunked");

        assertThat(FullResponseEncoder.encode(HttpResponseStatus.OK, headers)).isEqualTo(-1);
    }

    private static String encodedHere(HttpResponseStatus status, HttpHeaders headers) {
        int length = FullResponseEncoder.encode(status, headers);
        ByteBuf out = Unpooled.directBuffer(length);
        try {
            FullResponseEncoder.writeHead(out, length);
            assertThat(out.readableBytes()).isEqualTo(length);
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            out.release();
        }
    }

    private static String encodedByNetty(HttpResponseStatus status, HttpHeaders headers) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER,
                headers.copy(), HttpServerConnection.newResponseHeaders()));
        String text = Outbound.drain(channel);
        channel.finishAndReleaseAll();
        return text;
    }
}
