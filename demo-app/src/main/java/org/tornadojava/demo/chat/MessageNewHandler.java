package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.HttpError;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /a/message/new} with form field {@code body}: stores the message, broadcasts it to every long poll and
 * chat socket, and answers it as {@code {"id":..,"from":..,"body":..}}. Anonymous: 403; missing, blank or too long
 * body: 400; the shared store unreachable: 503 (the message is not
 * stored). IOLoop thread.
 */
@Handler("/a/message/new")
class MessageNewHandler extends ChatHandler {

    MessageNewHandler(ChatRoom room) {
        super(room);
    }

    @Authenticated
    public CompletionStage<Void> post() {
        String body = getBodyArgument("body");
        String problem = ChatMessage.problemWithBody(body);
        if (problem != null) {
            throw new HttpError(400, problem);
        }
        return room.post(userName(), body).handle((message, error) -> {
            if (error != null) {
                throw storeUnavailable(error);
            }
            write(message);
            return null;
        });
    }

    /** The room could not store the message: 503 and the reason on one WARN line. */
    private static RuntimeException storeUnavailable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ChatStoreUnavailableException unavailable) {
            return new HttpError(503, unavailable.getMessage());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
