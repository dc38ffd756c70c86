package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.HttpError;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /a/message/updates} with form field {@code cursor} (the last id seen; empty for only messages posted
 * after this request): a long poll answered {@code {"messages":[...]}} as soon as newer messages exist. A client
 * that goes away has its waiter cancelled, which removes it from the room at once. Anonymous: 403; a cursor that
 * is not a non-negative number: 400; the room closing for a shutdown: 503 (the page's script retries later).
 * IOLoop thread.
 */
@Handler("/a/message/updates")
class MessageUpdatesHandler extends ChatHandler {
    private CompletableFuture<List<ChatMessage>> waiter;

    MessageUpdatesHandler(ChatRoom room) {
        super(room);
    }

    @Authenticated
    public CompletionStage<Void> post() {
        waiter = room.awaitMessagesAfter(cursor(getArgument("cursor", "").strip()));
        return waiter.thenAccept(messages -> {
            if (messages.isEmpty()) {
                throw new HttpError(503, "the chat room is closing");
            }
            write(Map.of("messages", messages));
        });
    }

    @Override
    protected void onConnectionClose() {
        if (waiter != null) {
            waiter.cancel(false);
        }
    }

    private static OptionalLong cursor(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long cursor;
        try {
            cursor = Long.parseLong(text);
        } catch (NumberFormatException e) {
            cursor = -1;
        }
        if (cursor < 0) {
            throw new HttpError(400, "cursor is not a message id: %s", text);
        }
        return OptionalLong.of(cursor);
    }
}
