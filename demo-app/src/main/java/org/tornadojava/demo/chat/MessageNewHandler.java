package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.HttpError;

/**
 * {@code POST /a/message/new} with form field {@code body}: stores the message, broadcasts it to every long poll and
 * chat socket, and answers it as {@code {"id":..,"from":..,"body":..}}. Anonymous: 403; missing, blank or too long
 * body: 400. IOLoop thread.
 */
@Handler("/a/message/new")
class MessageNewHandler extends ChatHandler {

    MessageNewHandler(ChatRoom room) {
        super(room);
    }

    @Authenticated
    public void post() {
        String body = getBodyArgument("body");
        String problem = ChatMessage.problemWithBody(body);
        if (problem != null) {
            throw new HttpError(400, null, problem);
        }
        write(room.post(userName(), body));
    }
}
