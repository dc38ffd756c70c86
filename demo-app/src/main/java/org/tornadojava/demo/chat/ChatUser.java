package org.tornadojava.demo.chat;

import org.tornadojava.web.CookieOptions;
import org.tornadojava.web.RequestHandler;

/**
 * Who is chatting: the user name in the signed cookie {@code user} (Tornado's chat demo keeps it the same way).
 * Stateless; the methods run on the calling handler's IOLoop.
 */
final class ChatUser {
    /** Name of the signed cookie holding the user name. */
    static final String COOKIE = "user";
    /** Longest user name accepted, in characters. */
    static final int MAX_NAME_LENGTH = 32;

    private ChatUser() {
    }

    /**
     * The user name of a request.
     *
     * @param handler the handler serving the request
     * @return the name, or null when the cookie is missing, forged or too old
     */
    static String of(RequestHandler handler) {
        return handler.getSignedCookie(COOKIE);
    }

    /**
     * Signs the user in: sets the signed cookie for 30 days, HttpOnly, SameSite=Lax.
     *
     * @param handler the handler serving the login
     * @param name a name {@link #problemWithName} accepted
     */
    static void signIn(RequestHandler handler, String name) {
        handler.setSignedCookie(COOKIE, name, CookieOptions.defaults().expiresDays(30).httpOnly(true).sameSite("Lax"));
    }

    /**
     * Signs the user out: clears the cookie.
     *
     * @param handler the handler serving the logout
     */
    static void signOut(RequestHandler handler) {
        handler.clearCookie(COOKIE);
    }

    /**
     * Checks a user name typed into the login form.
     *
     * @param name the name, already stripped
     * @return null when acceptable, else why not
     */
    static String problemWithName(String name) {
        if (name.isEmpty()) {
            return "Please enter a name.";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "A name has at most " + MAX_NAME_LENGTH + " characters.";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "A name cannot contain control characters.";
        }
        return null;
    }
}
