package org.tornadojava.websocket;

/** WebSocket close codes (RFC 6455 section 7.4) used by the server. */
public final class CloseStatus {
    /** Normal closure. */
    public static final int NORMAL = 1000;
    /** The server is going away (shutdown). */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the protocol (an invalid close code, a malformed frame). */
    public static final int PROTOCOL_ERROR = 1002;
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

    /**
     * Whether a peer may send {@code code} in a close frame (RFC 6455 section 7.4 and the IANA registry): 1000-1003,
     * 1007-1014 and 3000-4999. 1004-1006 and 1015 are reserved for reporting, never sent; the rest is unassigned.
     * Callable from any thread.
     *
     * @param code the status code of a received close frame
     * @return true when the code may appear in a close frame
     */
    public static boolean isValidInFrame(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
