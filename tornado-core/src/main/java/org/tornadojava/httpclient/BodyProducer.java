package org.tornadojava.httpclient;

import java.util.concurrent.CompletionStage;

/**
 * Streams a request body, Tornado's {@code body_producer}: called once the request head is on its way, it writes
 * the body in pieces through a {@link BodyWriter} and returns a future that completes when the body is whole.
 * Waiting for each {@link BodyWriter#write write} future before the next piece keeps memory bounded however large
 * the body is.
 *
 * <pre>{@code
 * HttpRequest.builder(url).method("PUT").bodyProducer(write -> sendFrom(file, write)).build();
 * }</pre>
 *
 * <p>Called on the IOLoop of the connection, so it must not block: read a file on an executor, or in small pieces
 * chained on the write futures. It is called again for every new attempt of the request (a 307 or 308 redirect, a
 * digest-authentication retry), each time with a fresh writer. A producer that throws, or whose future fails, aborts
 * the request: the connection is closed and the fetch fails with that exception.
 */
@FunctionalInterface
public interface BodyProducer {
    /**
     * Writes the body. On the connection's IOLoop.
     *
     * @param write where the pieces go
     * @return completes when every piece was written; a failure aborts the request
     */
    CompletionStage<?> produce(BodyWriter write);
}
