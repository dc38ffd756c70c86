package org.tornadojava.demo.chat;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/**
 * {@code GET /login} shows a form asking for a name ({@code templates/chat/login.html}); {@code POST /login} with
 * {@code username} sets the signed cookie {@code user} and redirects (302) to the {@code next} argument when it is a
 * local path, else to {@code /room}. An unacceptable name shows the form again with 400. IOLoop thread.
 */
@Handler("/login")
class LoginHandler extends RequestHandler {
    private static final String DEFAULT_NEXT = "/room";

    /**
     * What {@code chat/login.html} shows.
     *
     * @param name the name typed so far
     * @param problem why the name was refused, or null
     * @param next the local path to go to after signing in, or null
     * @param maxNameLength the longest name accepted
     * @param xsrf whether the form carries the XSRF token
     */
    record LoginPage(String name, String problem, String next, int maxNameLength, boolean xsrf) {
    }

    public void get() {
        showForm("", null);
    }

    public void post() {
        String name = getBodyArgument("username", "").strip();
        String problem = ChatUser.problemWithName(name);
        if (problem != null) {
            setStatus(400);
            showForm(name, problem);
            return;
        }
        ChatUser.signIn(this, name);
        redirect(LocalUrl.orElse(getArgument("next", null), DEFAULT_NEXT));
    }

    /** The form depends on cookies (XSRF token) and arguments: never answer it with 304. */
    @Override
    protected String computeEtag() {
        return null;
    }

    private void showForm(String name, String problem) {
        render("chat/login.html", new LoginPage(name, problem, LocalUrl.orElse(getArgument("next", null), null),
                ChatUser.MAX_NAME_LENGTH, application().xsrfCookies()));
    }
}
