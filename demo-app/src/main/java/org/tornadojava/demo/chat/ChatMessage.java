package org.tornadojava.demo.chat;

/**
 * One chat message, written as JSON {@code {"id":..,"from":..,"body":..}} to long-poll clients and WebSockets
 * alike. Immutable, so any thread may read it.
 *
 * @param id increasing number given by the room; clients use the last one they saw as their cursor
 * @param from the sender's user name
 * @param body the text as sent (pages insert it as text, never as HTML)
 */
public record ChatMessage(long id, String from, String body) {
    /** Longest body accepted, in characters: the room keeps messages in memory. */
    public static final int MAX_BODY_LENGTH = 2000;

    /**
     * Checks a body a client sent. Any thread.
     *
     * @param body the text
     * @return null when acceptable, else why not (for a 400 answer)
     */
    public static String problemWithBody(String body) {
        if (body == null || body.isBlank()) {
            return "body is empty";
        }
        if (body.length() > MAX_BODY_LENGTH) {
            return "body is longer than " + MAX_BODY_LENGTH + " characters";
        }
        return null;
    }
}
