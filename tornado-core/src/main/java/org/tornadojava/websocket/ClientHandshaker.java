package org.tornadojava.websocket;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;

/**
 * Netty's version-13 client handshake with a frame decoder that leaves protocol violations to
 * {@link WebSocketConnection} (which answers them with the RFC close code, as the server side does) instead of
 * closing on its own. Masks outgoing frames, refuses masked frames from the server. One per connection attempt;
 * IOLoop thread.
 */
final class ClientHandshaker extends WebSocketClientHandshaker13 {
    private final WebSocketDecoderConfig decoderConfig;

    ClientHandshaker(URI uri, HttpHeaders headers, int maxMessageSize, boolean compression) {
        super(uri, WebSocketVersion.V13, null, compression, headers, maxMessageSize, true, false, -1);
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false)
                .allowMaskMismatch(false)
                .allowExtensions(compression)
                .maxFramePayloadLength(maxMessageSize)
                .closeOnProtocolViolation(false)
                .build();
    }

    @Override
    protected WebSocketFrameDecoder newWebsocketDecoder() {
        return new WebSocket13FrameDecoder(decoderConfig);
    }
}
