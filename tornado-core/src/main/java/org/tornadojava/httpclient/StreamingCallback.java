package org.tornadojava.httpclient;

import java.util.concurrent.CompletionStage;

/**
 * Receives a response body in pieces instead of collecting it, Tornado's {@code streaming_callback}, with
 * backpressure: when the callback returns an unfinished future, the client stops reading from the connection until
 * it completes, so a slow consumer never makes the client buffer the body.
 *
 * <pre>{@code
 * .streamingCallback(piece -> runOnExecutor(() -> out.write(piece)))   // next piece once it is on disk
 * .streamingCallback(piece -> { digest.update(piece); return null; })  // fast: no waiting
 * }</pre>
 */
@FunctionalInterface
public interface StreamingCallback {
    /**
     * Takes one piece of the body. On the connection's IOLoop: it must not block.
     *
     * @param piece a new array of at most 64 KiB that the callback may keep
     * @return null or a completed future to get the next piece at once; an unfinished future to pause reading
     *         until it completes; a failed one (or throwing) fails the fetch with that exception
     */
    CompletionStage<?> onChunk(byte[] piece);
}
