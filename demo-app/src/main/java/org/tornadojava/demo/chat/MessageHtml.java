package org.tornadojava.demo.chat;

import org.tornadojava.web.Escape;

/**
 * One message as the room page shows it, the same markup {@code chat.js} builds for new ones:
 * {@code <div class="message" id="m7" data-id="7"><span class="from">..</span><span class="body">..</span></div>}.
 * Sender and body are escaped. Stateless; any thread.
 */
final class MessageHtml {
    private MessageHtml() {
    }

    /**
     * The markup of a message.
     *
     * @param message the message
     * @param reader who reads the page; their own messages get the class {@code mine}
     * @return the HTML
     */
    static String of(ChatMessage message, String reader) {
        return "<div class=\"message" + (message.from().equals(reader) ? " mine" : "") + "\" id=\"m" + message.id()
                + "\" data-id=\"" + message.id() + "\"><span class=\"from\">" + Escape.xhtmlEscape(message.from())
                + "</span><span class=\"body\">" + Escape.xhtmlEscape(message.body()) + "</span></div>";
    }
}
