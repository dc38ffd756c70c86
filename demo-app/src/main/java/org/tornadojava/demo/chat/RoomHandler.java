package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;

import java.util.List;

/**
 * {@code GET /room}: the chat page ({@code templates/chat/room.html}), greeting the user and showing the messages the
 * room keeps, each through {@code chat/message.html}, which also renders the empty message the script copies for
 * new ones. Its script
 * ({@code /static/chat.js}) sends with {@code POST /a/message/new} and receives by long polling
 * {@code POST /a/message/updates}; with {@code ?transport=websocket} it uses {@code /chatsocket} for both; with
 * {@code ?transport=sse} it receives through {@code GET /a/message/events} (Server-Sent Events).
 * Anonymous visitors are redirected to {@code /login?next=...}. IOLoop thread.
 */
@Handler("/room")
class RoomHandler extends ChatHandler {
    static final String WEBSOCKET = "websocket";
    static final String LONG_POLLING = "longpoll";
    static final String SSE = "sse";
    /** The empty message {@code chat.js} copies for new messages, rendered by the same template. */
    private static final ChatMessage BLANK = new ChatMessage(0, "", "");

    /**
     * What {@code chat/room.html} shows.
     *
     * @param user the reader's name
     * @param transport {@code longpoll}, {@code websocket} or {@code sse}, for the script
     * @param cursor the id of the last message shown
     * @param messages the messages the room keeps, oldest first
     * @param blank the message template's empty message
     * @param maxBodyLength the longest message accepted
     * @param xsrf whether forms carry the XSRF token
     */
    record RoomPage(String user, String transport, long cursor, List<ChatMessage> messages, ChatMessage blank,
                    int maxBodyLength, boolean xsrf) {
    }

    RoomHandler(ChatRoom room) {
        super(room);
    }

    @Authenticated
    public void get() {
        String requested = getArgument("transport", "");
        boolean websocket = WEBSOCKET.equals(requested);
        boolean sse = SSE.equals(requested);
        List<ChatMessage> messages = room.recent();
        long cursor = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
        render("chat/room.html", new RoomPage(userName(), websocket ? WEBSOCKET : sse ? SSE : LONG_POLLING, cursor,
                messages, BLANK, ChatMessage.MAX_BODY_LENGTH, application().xsrfCookies()));
    }

    /** The page shows the room's current messages: never answer it with 304. */
    @Override
    protected String computeEtag() {
        return null;
    }
}
