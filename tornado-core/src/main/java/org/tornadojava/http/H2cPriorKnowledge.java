package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * First handler of a cleartext connection while h2c is on: looks at the first bytes only. When they are the HTTP/2
 * connection preface (a client with prior knowledge, RFC 9113 section 3.3) the connection becomes HTTP/2
 * ({@link Http2Pipelines#install}); at the first byte that differs it is HTTP/1.1. Either way this handler then
 * leaves the pipeline, handing on the bytes it held, so an HTTP/1.1 connection pays for it once. Runs on the
 * connection's IOLoop.
 */
final class H2cPriorKnowledge extends ByteToMessageDecoder {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Http2Pipelines http2;

    H2cPriorKnowledge(Http2Pipelines http2) {
        this.http2 = http2;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE.length);
        for (int i = 0; i < seen; i++) {
            if (in.getByte(in.readerIndex() + i) != PREFACE[i]) {
                ctx.pipeline().remove(this);
                return;
            }
        }
        if (seen == PREFACE.length) {
            http2.install(ctx.pipeline());
            ctx.pipeline().remove(this);
        }
    }
}
