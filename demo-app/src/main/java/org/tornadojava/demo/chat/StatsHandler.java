package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /stats}: {@code {"waiters":W,"websockets":S,"messages":M}} from the chat room. IOLoop thread. */
@Handler("/stats")
class StatsHandler extends RequestHandler {
    private final ChatRoom room;

    StatsHandler(ChatRoom room) {
        this.room = room;
    }

    public void get() {
        write(room.stats());
    }
}
