package org.tornadojava.demo.chat;

import org.tornadojava.demo.Page;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.Escape;

import java.util.List;

/**
 * {@code GET /room}: the chat page, greeting the user and showing the messages the room keeps. Its script
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
        String user = Escape.xhtmlEscape(userName());
        StringBuilder inbox = new StringBuilder();
        for (ChatMessage message : messages) {
            inbox.append(MessageHtml.of(message, userName())).append('\n');
        }
        write(Page.html(this, "Chat room - tornado-java", """
                <header class="bar">
                  <h1>tornado-java chat</h1>
                  <p id="greeting">Hello, <b>%s</b>!</p>
                  <nav>
                    <a href="/room"%s>Long polling</a>
                    <a href="/room?transport=websocket"%s>WebSocket</a>
                    <a href="/room?transport=sse"%s>Server-Sent Events</a>
                    <a href="/logout">Sign out</a>
                  </nav>
                </header>
                <main class="card">
                  <div id="inbox" data-cursor="%d" data-transport="%s" data-user="%s" aria-live="polite">
                %s  </div>
                  <form id="messageform" action="/a/message/new" method="post" autocomplete="off">
                    <input name="body" maxlength="%d" placeholder="Say something and press Enter" \
                aria-label="Message" required autofocus>
                    %s<button type="submit">Send</button>
                  </form>
                  <p id="status" class="status">Connecting&hellip;</p>
                </main>
                <script src="%s"></script>""".formatted(
                user,
                websocket || sse ? "" : " class=\"current\"",
                websocket ? " class=\"current\"" : "",
                sse ? " class=\"current\"" : "",
                cursor,
                websocket ? WEBSOCKET : sse ? SSE : LONG_POLLING,
                user,
                inbox,
                ChatMessage.MAX_BODY_LENGTH,
                application().xsrfCookies() ? xsrfFormHtml() : "",
                Escape.xhtmlEscape(staticUrl("chat.js")))));
    }

    /** The page shows the room's current messages: never answer it with 304. */
    @Override
    protected String computeEtag() {
        return null;
    }
}
