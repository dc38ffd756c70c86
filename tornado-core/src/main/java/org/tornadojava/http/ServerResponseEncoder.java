package org.tornadojava.http;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;

/**
 * Netty's response encoder told by the connection whether the response it encodes answers a {@code HEAD} request
 * (so a {@code HEAD} response never gets a body or chunk framing), the job {@code HttpServerCodec} does by pairing
 * decoded requests with written responses. The connection answers one request at a time, so one flag set when a
 * request starts is enough. Responses the connection encodes itself ({@link FullResponseEncoder}) pass by this
 * handler. IOLoop thread of the channel.
 */
final class ServerResponseEncoder extends HttpResponseEncoder {
    private boolean headRequest;

    /**
     * Says which request the next responses answer; called when a request starts.
     *
     * @param head true for a {@code HEAD} request
     */
    void answering(boolean head) {
        headRequest = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
        if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            return super.isContentAlwaysEmpty(msg);
        }
        return headRequest || super.isContentAlwaysEmpty(msg);
    }
}
