package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.EventStream;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /a/message/events}: the chat as Server-Sent Events. Replays the kept messages after the
 * {@code Last-Event-ID} a reconnecting {@code EventSource} sends (or, on a first connection, after the query
 * argument {@code cursor}, the last id the page showed; without either only new messages come), then streams every
 * new message as one {@code message} event whose id is the message id and whose data is the message JSON
 * {@code {"id":..,"from":..,"body":..}}. A comment goes out every 15 seconds so proxies keep an idle stream open.
 * The stream ends when the client goes away or the room closes for a shutdown. Anonymous: redirected to the login
 * page. IOLoop thread (messages arrive on any thread and are handed to the loop by the event stream).
 */
@Handler("/a/message/events")
class MessageEventsHandler extends ChatHandler {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private EventStream events;
    private ChatListener listener;

    MessageEventsHandler(ChatRoom room) {
        super(room);
    }

    @Authenticated
    public CompletionStage<Void> get() {
        OptionalLong cursor = cursor(getLastEventId() != null ? getLastEventId() : getArgument("cursor", ""));
        EventStream stream = eventStream().heartbeat(HEARTBEAT);
        events = stream;
        listener = new ChatListener() {
            @Override
            public void deliver(ChatMessage message) {
                stream.sendEvent(String.valueOf(message.id()), null,
                        application().jsonMapper().writeValueAsString(message));
            }

            @Override
            public void roomClosed() {
                stream.close();
            }
        };
        room.join(listener, cursor);
        return stream.done().whenComplete((ignored, error) -> room.leave(listener));
    }

    @Override
    protected void onConnectionClose() {
        if (events != null) {
            room.leave(listener);
            events.close();
        }
    }

    private static OptionalLong cursor(String text) {
        String id = text.strip();
        return id.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(id)) : OptionalLong.empty();
    }
}
