package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /logout}: clears the {@code user} cookie and redirects (302) to {@code /login}. IOLoop thread. */
@Handler("/logout")
class LogoutHandler extends RequestHandler {
    public void get() {
        ChatUser.signOut(this);
        redirect("/login");
    }
}
