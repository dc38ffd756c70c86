package org.tornadojava.http;

/**
 * Fired down the pipeline of every open connection when its {@link HttpServer} stops, before the connections are
 * closed, so protocols that took a connection over (WebSockets) can say goodbye: a WebSocket answers with a close
 * frame 1001 (going away). Handlers receive it in {@code userEventTriggered} on the connection's IOLoop.
 */
public final class ServerShutdownEvent {
    /** The only instance. */
    public static final ServerShutdownEvent INSTANCE = new ServerShutdownEvent();

    private ServerShutdownEvent() {
    }

    @Override
    public String toString() {
        return "ServerShutdownEvent";
    }
}
