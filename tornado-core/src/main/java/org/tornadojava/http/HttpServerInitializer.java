package org.tornadojava.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import org.tornadojava.ioloop.IOLoopGroup;

/**
 * Builds the pipeline of each accepted connection:
 * {@code [tls] -> timeouts -> encoder -> decoder (header limits) -> [compressor] -> HttpServerConnection (body limit,
 * 100-continue, gzip bodies, dispatch)}. Decoder and encoder are separate handlers (not {@code HttpServerCodec}) so the
 * connection can write whole responses it encoded itself past the encoder ({@link FullResponseEncoder}); the encoder
 * comes first so that, after a WebSocket handshake, the frame encoder put before it also encodes the close frames the
 * frame decoder (which takes the decoder's place) writes. Runs on the IOLoop the channel is registered with.
 */
final class HttpServerInitializer extends ChannelInitializer<Channel> {
    private static final int MAX_CHUNK_SIZE = 64 * 1024;

    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoopGroup loops;
    private final ChannelGroup connections;
    private final SslContext sslContext;
    private final InFlightRequests inFlight;

    HttpServerInitializer(HttpServerDelegate delegate, HttpServerOptions options, IOLoopGroup loops,
                          ChannelGroup connections, SslContext sslContext, InFlightRequests inFlight) {
        this.delegate = delegate;
        this.options = options;
        this.loops = loops;
        this.connections = connections;
        this.sslContext = sslContext;
        this.inFlight = inFlight;
    }

    @Override
    protected void initChannel(Channel channel) {
        connections.add(channel);
        HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(options.maxHeaderSize())
                .setMaxHeaderSize(options.maxHeaderSize())
                .setMaxChunkSize(MAX_CHUNK_SIZE);
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
        }
        RequestTimeouts timeouts = new RequestTimeouts(new RequestClock(), options.idleConnectionTimeout(),
                options.headerTimeout(), options.bodyTimeout());
        pipeline.addLast("timeouts", timeouts);
        pipeline.addLast("write-timeout", new WriteTimeout(options.writeTimeout()));
        pipeline.addLast("encoder", new ServerResponseEncoder());
        pipeline.addLast("decoder", new StrictRequestDecoder(decoderConfig));
        if (options.compressResponse()) {
            pipeline.addLast("compressor", new ResponseCompressor());
        }
        pipeline.addLast("tornado", new HttpServerConnection(delegate, options, loops.loopOf(channel.eventLoop()),
                sslContext != null ? "https" : "http", timeouts, inFlight));
    }
}
