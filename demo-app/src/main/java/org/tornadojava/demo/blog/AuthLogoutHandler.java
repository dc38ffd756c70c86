package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;

/** {@code GET /blog/auth/logout}: clears the sign-in cookie and redirects to {@code next} or {@code /blog/}. */
@Handler("/blog/auth/logout")
class AuthLogoutHandler extends BlogHandler {
    AuthLogoutHandler(BlogStore store) {
        super(store);
    }

    public void get() {
        clearCookie(COOKIE);
        redirect(next());
    }
}
