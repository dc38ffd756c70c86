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
 * frame decoder (which takes the decoder's place) writes. While HTTP/2 is on, the connection starts the same way plus
 * one handler that leaves after the start: {@link Http2Alpn} after TLS, or on a cleartext connection accepting h2c
 * {@link H2cPriorKnowledge} in front and {@link H2cUpgradeGate} after the decoder; when they choose HTTP/2,
 * {@link Http2Pipelines} replaces the HTTP/1.1 handlers. Runs on the IOLoop the channel is registered with.
 */
final class HttpServerInitializer extends ChannelInitializer<Channel> {
    private static final int MAX_CHUNK_SIZE = 64 * 1024;

    private final HttpServerDelegate delegate;
    private final HttpServerOptions options;
    private final IOLoopGroup loops;
    private final ChannelGroup connections;
    private final SslContext sslContext;
    private final InFlightRequests inFlight;
    private final Http2Pipelines http2;
    private final boolean h2c;

    HttpServerInitializer(HttpServerDelegate delegate, HttpServerOptions options, IOLoopGroup loops,
                          ChannelGroup connections, SslContext sslContext, InFlightRequests inFlight) {
        this.delegate = delegate;
        this.options = options;
        this.loops = loops;
        this.connections = connections;
        this.sslContext = sslContext;
        this.inFlight = inFlight;
        String protocol = sslContext != null ? "https" : "http";
        this.http2 = options.http2().enabled() ? new Http2Pipelines(options,
                new Http2StreamInitializer(delegate, options, loops, protocol, inFlight)) : null;
        this.h2c = http2 != null && sslContext == null && options.http2().cleartext();
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
            if (http2 != null) {
                pipeline.addLast("alpn", new Http2Alpn(http2));
            }
        } else if (h2c) {
            pipeline.addLast("h2c-preface", new H2cPriorKnowledge(http2));
        }
        RequestTimeouts timeouts = new RequestTimeouts(new RequestClock(), options.idleConnectionTimeout(),
                options.headerTimeout(), options.bodyTimeout());
        pipeline.addLast("timeouts", timeouts);
        pipeline.addLast("write-timeout", new WriteTimeout(options.writeTimeout()));
        pipeline.addLast("encoder", new ServerResponseEncoder());
        pipeline.addLast("decoder", new StrictRequestDecoder(decoderConfig));
        if (h2c) {
            pipeline.addLast("h2c-upgrade", new H2cUpgradeGate(http2));
        }
        if (options.compressResponse()) {
            pipeline.addLast("compressor", new ResponseCompressor());
        }
        pipeline.addLast("tornado", new HttpServerConnection(delegate, options, loops.loopOf(channel.eventLoop()),
                sslContext != null ? "https" : "http", timeouts, inFlight));
    }
}
