package org.tornadojava.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The floor for {@code RequestPathBenchmark}: the same request through the raw Netty server's handler
 * ({@code bench/netty-server}: constant header names and values, no validation, a shared body for plaintext, Jackson
 * for JSON) on an {@code EmbeddedChannel}. The difference between the two is what tornado-java's model costs in Java
 * CPU per request.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class RawNettyPathBenchmark {
    private static final HttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
    private static final AsciiString SERVER_NAME = AsciiString.cached("netty");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
    private static final AsciiString DATE = AsciiString.cached("Tue, 24 Nov 2026 08:00:00 GMT");
    private static final byte[] PLAINTEXT_BYTES = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final AsciiString PLAINTEXT_LENGTH = AsciiString.cached(Integer.toString(PLAINTEXT_BYTES.length));
    @SuppressWarnings("deprecation")
    private static final ByteBuf PLAINTEXT_BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(PLAINTEXT_BYTES.length).writeBytes(PLAINTEXT_BYTES).asReadOnly());
    private static final ObjectWriter JSON_WRITER = JsonMapper.builder().build().writerFor(Message.class);

    /** The TechEmpower JSON message. */
    public record Message(String message) {
    }

    @Param({"/plaintext", "/json"})
    public String path;

    private OneRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(4096)
                .setMaxHeaderSize(8192)
                .setMaxChunkSize(8192)
                .setHeadersFactory(HEADERS)
                .setTrailersFactory(TRAILERS);
        channel.pipeline().addLast("codec", new HttpServerCodec(config));
        channel.pipeline().addLast("handler", new Hello());
        request = new OneRequest(channel, path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        request.close();
    }

    @Benchmark
    public int serve() {
        return request.serve();
    }

    /** The raw Netty server's handler, as in {@code bench/netty-server}. */
    @ChannelHandler.Sharable
    static final class Hello extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    FullHttpResponse response;
                    if ("/plaintext".equals(request.uri())) {
                        response = response(PLAINTEXT_BODY.duplicate(), TEXT_PLAIN, PLAINTEXT_LENGTH);
                    } else {
                        byte[] json = JSON_WRITER.writeValueAsBytes(new Message("Hello, World!"));
                        response = response(Unpooled.wrappedBuffer(json), APPLICATION_JSON,
                                AsciiString.of(Integer.toString(json.length)));
                    }
                    ctx.write(response, ctx.voidPromise());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private static FullHttpResponse response(ByteBuf body, AsciiString contentType, AsciiString length) {
            FullHttpResponse response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body, HEADERS, TRAILERS);
            HttpHeaders headers = response.headers();
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
            headers.set(HttpHeaderNames.SERVER, SERVER_NAME);
            headers.set(HttpHeaderNames.DATE, DATE);
            return response;
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
