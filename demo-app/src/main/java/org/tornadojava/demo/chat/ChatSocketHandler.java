package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.websocket.WebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code GET /chatsocket}: the chat over a WebSocket, for signed-in users (anonymous handshakes get 403). Each text
 * message is posted to the room as the sender's message and so broadcast, as {@code {"id":..,"from":..,"body":..}},
 * to every chat socket and long-poll waiter. A text that is a JSON object with a string field {@code body} (what
 * Tornado's WebSocket chat demo sends) posts that field; any other text is the body itself. An empty or too long
 * body is ignored. When the shared store cannot take the message, only the sender gets
 * {@code {"error":..,"body":..}} back (the page puts the text back into the input). The query argument {@code cursor}
 * (the last id the page showed) first replays the newer kept messages, so nothing posted between loading the page
 * and opening the socket is missed. Hooks run on the IOLoop; {@link #deliver} on any thread.
 */
@Handler("/chatsocket")
class ChatSocketHandler extends WebSocketHandler implements ChatListener {
    private final ChatRoom room;

    ChatSocketHandler(ChatRoom room) {
        this.room = room;
    }

    @Override
    protected Object getCurrentUser() {
        return ChatUser.of(this);
    }

    @Override
    protected void prepare() {
        if (currentUser() == null) {
            throw new HttpError(403, "sign in to chat");
        }
    }

    @Override
    protected void open(String... args) {
        String cursor = getArgument("cursor", "");
        room.join(this, cursor.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(cursor)) : OptionalLong.empty());
    }

    @Override
    protected void onMessage(String message) {
        String body = bodyOf(message);
        if (ChatMessage.problemWithBody(body) == null) {
            room.post(currentUser(String.class), body).exceptionally(error -> {
                writeJson(Map.of("error", "not sent, the chat store is unavailable; try again", "body", body));
                return null;
            });
        }
    }

    @Override
    protected void onClose(int code, String reason) {
        room.leave(this);
    }

    /**
     * Sends a message of the room to this socket as JSON; the write is queued on the socket's IOLoop. Any thread.
     *
     * @param message the message
     */
    @Override
    public void deliver(ChatMessage message) {
        writeJson(message);
    }

    private String bodyOf(String message) {
        if (message.startsWith("{")) {
            try {
                JsonNode body = application().jsonMapper().readTree(message).get("body");
                if (body != null && body.isString()) {
                    return body.asString();
                }
            } catch (JacksonException e) {
                return message;
            }
        }
        return message;
    }
}
