package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tornadojava.bench.Outbound;

import java.nio.charset.StandardCharsets;

/**
 * Building and encoding the head of a typical tornado-java response (Server, Content-Type, Date, ETag,
 * Content-Length) the way {@code RequestHandler} and {@code ResponseWriter} do: {@link #fullResponseEncoder} is the
 * path the connection takes for a whole response ({@code FullResponseEncoder} into the room in front of the body),
 * {@link #nettyEncoder} the one it falls back to (a {@code FullHttpResponse} through Netty's {@code HttpResponseEncoder},
 * e.g. with response compression on).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class HeaderWritingBenchmark {
    private static final AsciiString SERVER = AsciiString.cached("Server");
    private static final AsciiString SERVER_VALUE = AsciiString.cached("TornadoServer/0.1.0");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString ETAG = AsciiString.cached("Etag");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD_ROOM = 320;

    private EmbeddedChannel channel;

    @Setup(Level.Trial)
    public void setUp() {
        channel = new EmbeddedChannel(new HttpResponseEncoder());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = ResponseWriter.newHeaders();
        headers.set(SERVER, SERVER_VALUE);
        headers.set(CONTENT_TYPE, TEXT_PLAIN);
        headers.set(DATE, HttpDates.now());
        headers.set(ETAG, "\"0a0a9f2a6772942557ab5355d76af442f8f65e01\"");
        headers.setInt(CONTENT_LENGTH, BODY.length);
        return headers;
    }

    @Benchmark
    public int fullResponseEncoder() {
        HttpHeaders headers = headers();
        ByteBuf body = channel.alloc().directBuffer(HEAD_ROOM + BODY.length);
        body.setIndex(HEAD_ROOM, HEAD_ROOM).writeBytes(BODY);
        int headLength = FullResponseEncoder.encode(HttpResponseStatus.OK, headers);
        int start = body.readerIndex() - headLength;
        FullResponseEncoder.setHead(body, start, headLength);
        body.readerIndex(start);
        int length = body.readableBytes();
        body.release();
        return length;
    }

    @Benchmark
    public int nettyEncoder() {
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(BODY), headers(), EmptyHttpHeaders.INSTANCE));
        return Outbound.drain(channel);
    }
}
