package org.tornadojava.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;

import java.util.concurrent.TimeUnit;

/**
 * Turns an accepted connection from HTTP/1.1 into HTTP/2 once h2 was chosen (by ALPN, by the h2c preface or by an
 * {@code Upgrade: h2c} request): the HTTP/1.1 handlers leave, and in their place come an idle timer, Netty's
 * {@link Http2FrameCodec} with this server's limits and flood defences, an {@link Http2MultiplexHandler} giving each
 * stream a child channel set up by {@link Http2StreamInitializer} (so each stream is served by the HTTP/1.1 request
 * path, one request per stream, on the connection's IOLoop), and an {@link Http2ConnectionGuard}. The
 * {@code write-timeout} handler stays. Methods run on the connection's IOLoop; one instance serves every connection
 * of a server.
 */
final class Http2Pipelines {
    /** What {@link HttpServerRequest#version()} says for a request that came on an HTTP/2 stream. */
    static final HttpVersion HTTP_2 = new HttpVersion("HTTP", 2, 0, true);

    /** Rapid reset (CVE-2023-44487): more {@code RST_STREAM} frames than this from a client per window: GOAWAY. */
    static final int MAX_RST_FRAMES_PER_WINDOW = 200;
    /** Length of the rapid-reset window, seconds. */
    static final int RST_WINDOW_SECONDS = 30;
    /** CONTINUATION flood (CVE-2024-27316): more small CONTINUATION frames than this in one header block: GOAWAY. */
    static final int MAX_SMALL_CONTINUATION_FRAMES = 16;
    /** SETTINGS / PING floods: control-frame answers queued for a client that does not read them, at most. */
    static final int MAX_QUEUED_CONTROL_FRAMES = 10_000;
    /** DATA frames without payload and without end of stream in a row, at most (an empty-frame flood). */
    static final int MAX_CONSECUTIVE_EMPTY_DATA_FRAMES = 2;
    /** Body of an {@code Upgrade: h2c} request, at most: only body-less requests are upgraded. */
    private static final int MAX_UPGRADE_BODY = 0;
    private static final AsciiString H2C = AsciiString.cached(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME.toString());
    /** Pipeline names of the HTTP/1.1 handlers that make way for HTTP/2. */
    private static final String[] HTTP1_HANDLERS = {"timeouts", "encoder", "decoder", "h2c-upgrade", "compressor",
        "tornado"};

    private final HttpServerOptions options;
    private final Http2StreamInitializer streams;

    Http2Pipelines(HttpServerOptions options, Http2StreamInitializer streams) {
        this.options = options;
        this.streams = streams;
    }

    /**
     * Makes the pipeline an HTTP/2 connection whose client starts with the connection preface (h2 after ALPN, h2c
     * with prior knowledge).
     *
     * @param pipeline an accepted connection's pipeline with the HTTP/1.1 handlers in place
     */
    void install(ChannelPipeline pipeline) {
        removeHttp1(pipeline);
        Http2FrameCodec codec = newFrameCodec();
        pipeline.addAfter("h2-idle", "h2", codec);
        pipeline.addAfter("h2", "h2-streams", new Http2MultiplexHandler(streams, streams));
        pipeline.addAfter("h2-streams", "h2-guard", new Http2ConnectionGuard(codec));
    }

    /**
     * A handler that answers an {@code Upgrade: h2c} request with {@code 101 Switching Protocols}, turns the
     * connection into HTTP/2 and serves the request as stream 1 (RFC 7540 section 3.2).
     *
     * @return a new handler for one connection, to put right after the request decoder
     */
    HttpServerUpgradeHandler newUpgradeHandler() {
        return new HttpServerUpgradeHandler(this::leaveHttp1, protocol -> {
            if (!H2C.contentEqualsIgnoreCase(protocol)) {
                return null;
            }
            Http2FrameCodec codec = newFrameCodec();
            return new Http2ServerUpgradeCodec(codec, new Http2MultiplexHandler(streams, streams),
                    new Http2ConnectionGuard(codec));
        }, MAX_UPGRADE_BODY);
    }

    private void leaveHttp1(ChannelHandlerContext upgrading) {
        removeHttp1(upgrading.pipeline());
    }

    /** Removes the HTTP/1.1 handlers and puts the connection's idle timer where they began. */
    private void removeHttp1(ChannelPipeline pipeline) {
        for (String name : HTTP1_HANDLERS) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        long idleNanos = options.idleConnectionTimeout().toNanos();
        pipeline.addAfter("write-timeout", "h2-idle", new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS));
    }

    /**
     * The frame codec of one connection. A close sends {@code GOAWAY} and closes at once (a stop, an idle connection);
     * only {@link Http2ConnectionGuard#closeGracefully} gives the open streams time.
     */
    private Http2FrameCodec newFrameCodec() {
        Http2Options http2 = options.http2();
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(http2.maxConcurrentStreams())
                .initialWindowSize(http2.initialWindowSize())
                .maxHeaderListSize(options.http2MaxHeaderListSize());
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                .decoderEnforceMaxRstFramesPerWindow(MAX_RST_FRAMES_PER_WINDOW, RST_WINDOW_SECONDS)
                .decoderEnforceMaxSmallContinuationFrames(MAX_SMALL_CONTINUATION_FRAMES)
                .encoderEnforceMaxQueuedControlFrames(MAX_QUEUED_CONTROL_FRAMES)
                .decoderEnforceMaxConsecutiveEmptyDataFrames(MAX_CONSECUTIVE_EMPTY_DATA_FRAMES)
                .gracefulShutdownTimeoutMillis(0)
                .build();
    }
}
