package org.tornadojava.websocket;

/**
 * What a {@link WebSocketConnection} reports to its endpoint (the server's {@link WebSocketHandler} or a client's
 * {@link WebSocketClientConnection}). Every method is called on the connection's IOLoop.
 */
interface FrameListener {
    /** A whole text message arrived. */
    void text(String message);

    /** A whole binary message arrived; the array is the endpoint's to keep. */
    void binary(byte[] message);

    /** A pong arrived. */
    void pong(byte[] data);

    /** The socket closed; called exactly once, with the code the peer sent (1005 without one, 1006 without a frame). */
    void closed(int code, String reason);
}
