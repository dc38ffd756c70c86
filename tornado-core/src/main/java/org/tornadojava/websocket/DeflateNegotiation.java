package org.tornadojava.websocket;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;

import java.util.Map;

/**
 * Negotiates permessage-deflate ({@code tornado.websocket.compression}) from the client's
 * {@code Sec-WebSocket-Extensions} offer, with the inflated size of a message limited like an uncompressed one.
 * Stateless; thread-safe.
 */
final class DeflateNegotiation {
    private DeflateNegotiation() {
    }

    /** The accepted extension, or null when the client offers none that fits. */
    static WebSocketServerExtension negotiate(HttpHeaders requestHeaders, int maxMessageSize) {
        String offer = requestHeaders.get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS);
        if (offer == null) {
            return null;
        }
        PerMessageDeflateServerExtensionHandshaker handshaker =
                new PerMessageDeflateServerExtensionHandshaker(6, false, 15, false, false, maxMessageSize);
        for (WebSocketExtensionData data : WebSocketExtensionUtil.extractExtensions(offer)) {
            WebSocketServerExtension extension = handshaker.handshakeExtension(data);
            if (extension != null) {
                return extension;
            }
        }
        return null;
    }

    /** The response header value announcing the accepted extension. */
    static String responseHeader(WebSocketServerExtension extension) {
        WebSocketExtensionData data = extension.newReponseData();
        StringBuilder value = new StringBuilder(data.name());
        for (Map.Entry<String, String> parameter : data.parameters().entrySet()) {
            value.append("; ").append(parameter.getKey());
            if (parameter.getValue() != null) {
                value.append('=').append(parameter.getValue());
            }
        }
        return value.toString();
    }
}
