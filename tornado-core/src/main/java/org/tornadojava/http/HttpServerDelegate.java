package org.tornadojava.http;

/**
 * What an {@link HttpServer} hands each request to; {@code org.tornadojava.web.Application} is the usual one
 * (Tornado's {@code HTTPServerConnectionDelegate}).
 */
@FunctionalInterface
public interface HttpServerDelegate {
    /**
     * A request's head arrived (its body has not been read yet). Called on the connection's IOLoop thread; must
     * not block. The response goes out through {@code request.writer()}, now or later; the next pipelined
     * request on the connection waits until the writer has finished this one.
     *
     * @param request the parsed request head
     * @return how to receive the body
     */
    RequestReceiver headersReceived(HttpServerRequest request);

    /**
     * Called once by {@link HttpServer#stop} after the server stopped accepting and closed its connections, to
     * release what the delegate owns (an {@code Application} shuts down the executor it created). Does nothing by
     * default. Called on the thread that stopped the server.
     */
    default void serverStopped() {
    }
}
