package org.tornadojava.websocket;

/** WebSocket close codes (RFC 6455 section 7.4) used by the server. */
public final class CloseStatus {
    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** The server is going away (shutdown). */
    public static final int GOING_AWAY = 1001;
    /** No status code was present in the close frame. */
    public static final int NO_STATUS = 1005;
    /** The connection closed without a close frame. */
    public static final int ABNORMAL = 1006;
    /** A text message was not valid UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** A message exceeded the size limit. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server hit an unexpected condition (an exception in the handler, a ping timeout). */
    public static final int INTERNAL_ERROR = 1011;

    private CloseStatus() {
    }
}
