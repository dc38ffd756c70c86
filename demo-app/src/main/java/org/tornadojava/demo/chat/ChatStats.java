package org.tornadojava.demo.chat;

/**
 * A snapshot of the room, answered by {@code GET /stats} as {@code {"waiters":W,"websockets":S,"messages":M}}.
 *
 * @param waiters long-poll requests waiting for a message
 * @param websockets open chat sockets
 * @param messages messages kept in the room
 */
public record ChatStats(int waiters, int websockets, int messages) {
}
