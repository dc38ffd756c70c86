package org.tornadojava.demo.chat;

import org.tornadojava.demo.Page;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Escape;
import org.tornadojava.web.RequestHandler;

/**
 * {@code GET /login} shows a form asking for a name; {@code POST /login} with {@code username} sets the signed
 * cookie {@code user} and redirects (302) to the {@code next} argument when it is a local path, else to
 * {@code /room}. An unacceptable name shows the form again with 400. IOLoop thread.
 */
@Handler("/login")
class LoginHandler extends RequestHandler {
    private static final String DEFAULT_NEXT = "/room";

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
        String next = LocalUrl.orElse(getArgument("next", null), null);
        write(Page.html(this, "Sign in - tornado-java chat", """
                <main class="card narrow">
                  <h1>tornado-java chat</h1>
                  <p class="hint">Pick a name to join the room.</p>
                  %s<form action="/login" method="post" id="loginform">
                    <label for="username">Name</label>
                    <input id="username" name="username" maxlength="%d" autocomplete="username" required autofocus \
                value="%s">
                    %s%s<button type="submit">Join the room</button>
                  </form>
                </main>""".formatted(
                problem == null ? "" : "<p class=\"error\" role=\"alert\">" + Escape.xhtmlEscape(problem) + "</p>\n  ",
                ChatUser.MAX_NAME_LENGTH,
                Escape.xhtmlEscape(name),
                next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + Escape.xhtmlEscape(next) + "\">",
                application().xsrfCookies() ? xsrfFormHtml() : "")));
    }
}
