package org.tornadojava.http;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.CompletionStage;

/**
 * Receives one request after its head arrived, Tornado's {@code HTTPMessageDelegate}: either the server aggregates
 * the body (up to {@code max-body-size}) and calls {@link #finish()}, or, when {@link #streamsBody()} is true,
 * hands each piece to {@link #dataReceived(ByteBuf)} as it arrives. All methods run on the connection's IOLoop.
 */
public interface RequestReceiver {
    /**
     * Whether body pieces go to {@link #dataReceived(ByteBuf)} instead of being aggregated.
     *
     * @return true to stream the body
     */
    boolean streamsBody();

    /**
     * Whether the request will read its body; decides whether {@code Expect: 100-continue} is answered with
     * {@code 100 Continue}. A request that will not (no route, say) is answered without reading the body, and the
     * connection is closed after the response.
     *
     * @return true when the body is wanted
     */
    boolean acceptsBody();

    /**
     * One piece of a streamed body. The server releases {@code chunk} when the call returns: retain it to keep it.
     * Reading pauses until the returned stage completes (flow control); return null to keep reading.
     *
     * @param chunk the bytes
     * @return null, or a stage that must complete before more data is read
     */
    CompletionStage<?> dataReceived(ByteBuf chunk);

    /** The whole request arrived; an aggregated body is in {@link HttpServerRequest#body()}. */
    void finish();
}
