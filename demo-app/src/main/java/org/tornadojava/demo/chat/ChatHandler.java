package org.tornadojava.demo.chat;

import org.tornadojava.web.RequestHandler;

/**
 * Base of the chat's HTTP handlers: the current user is the signed cookie {@code user}, so {@code @Authenticated}
 * verbs send anonymous visitors to the login page (GET) or answer 403 (POST). IOLoop thread.
 */
abstract class ChatHandler extends RequestHandler {
    protected final ChatRoom room;

    ChatHandler(ChatRoom room) {
        this.room = room;
    }

    @Override
    protected Object getCurrentUser() {
        return ChatUser.of(this);
    }

    /** The signed-in user's name; only valid in {@code @Authenticated} verbs. */
    protected final String userName() {
        return currentUser(String.class);
    }
}
