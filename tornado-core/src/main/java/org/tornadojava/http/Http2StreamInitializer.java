package org.tornadojava.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import org.tornadojava.ioloop.IOLoopGroup;

import java.time.Duration;

/**
 * Sets up the child channel of one HTTP/2 stream: Netty's {@link Http2StreamFrameToHttpObjectCodec} turns the
 * stream's frames into the HTTP/1.1 message objects and back, so the stream is served by the same
 * {@link HttpServerConnection} as an HTTP/1.1 request (limits, body streaming, the delegate, the access log), with
 * {@link RequestTimeouts} for its body and an optional {@link ResponseCompressor}. A stream's child channel exists only
 * once its whole head arrived and it carries one request, so it has neither a header nor an idle timeout (no timer is
 * armed for a request without a body; the connection has the idle timeout). The child channel runs on the
 * connection's IOLoop. Sharable: one instance serves every stream of a server.
 */
@ChannelHandler.Sharable
final class Http2StreamInitializer extends ChannelInitializer<Channel> {
    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoopGroup loops;
    private final String protocol;
    private final InFlightRequests inFlight;

    Http2StreamInitializer(HttpServerDelegate delegate, HttpServerOptions options, IOLoopGroup loops, String protocol,
                           InFlightRequests inFlight) {
        this.delegate = delegate;
        this.options = options;
        this.loops = loops;
        this.protocol = protocol;
        this.inFlight = inFlight;
    }

    @Override
    protected void initChannel(Channel stream) {
        RequestTimeouts timeouts = new RequestTimeouts(new RequestClock(), Duration.ZERO, Duration.ZERO,
                options.bodyTimeout(), Http2StreamInitializer::requestTimeout);
        ChannelPipeline pipeline = stream.pipeline();
        pipeline.addLast("h2-stream", new Http2StreamFrameToHttpObjectCodec(true, false));
        pipeline.addLast("timeouts", timeouts);
        if (options.compressResponse()) {
            pipeline.addLast("compressor", new ResponseCompressor());
        }
        pipeline.addLast("tornado", new HttpServerConnection(delegate, options, loops.loopOf(stream.eventLoop()),
                protocol, timeouts, inFlight, true));
    }

    /** The {@code 408} of a stream whose body did not arrive in time, written through the stream's codec. */
    private static FullHttpResponse requestTimeout() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }
}
