package org.tornadojava.demo.chat;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tornadojava.spring.boot.autoconfigure.TornadoServerLifecycle;

/**
 * Closes the chat room just before the server's graceful shutdown (a later lifecycle phase stops earlier), so
 * waiting long polls answer at once instead of holding the shutdown for {@code tornado.server.shutdown-timeout}.
 * Runs on the thread closing the context.
 */
@Component
class ChatRoomLifecycle implements SmartLifecycle {
    private final ChatRoom room;
    private volatile boolean running;

    ChatRoomLifecycle(ChatRoom room) {
        this.room = room;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        room.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TornadoServerLifecycle.PHASE + 1;
    }
}
