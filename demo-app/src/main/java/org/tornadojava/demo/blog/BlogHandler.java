package org.tornadojava.demo.blog;

import org.tornadojava.demo.chat.LocalUrl;
import org.tornadojava.web.CookieOptions;
import org.tornadojava.web.RequestHandler;

import java.util.Map;

/**
 * Base of the blog's handlers (Tornado's blog demo {@code BaseHandler}): the current user is the author id in the
 * signed cookie {@code blogdemo_user}, {@code @Authenticated} verbs send anonymous visitors to
 * {@code /blog/auth/login}, and every template sees {@code blog_title}. Database work goes through
 * {@link #runOnExecutor}; pages render back on the IOLoop thread, where every method here runs.
 */
abstract class BlogHandler extends RequestHandler {
    /** The signed cookie holding the signed-in author's id. */
    static final String COOKIE = "blogdemo_user";
    /** The blog's name, in every page's header and the feed. */
    static final String TITLE = "Tornado Blog";
    /** The blog's home page. */
    static final String HOME = "/blog/";

    protected final BlogStore store;

    BlogHandler(BlogStore store) {
        this.store = store;
    }

    /** The author id in the signed cookie, or null when it is missing, forged or too old. */
    @Override
    protected Object getCurrentUser() {
        String id = getSignedCookie(COOKIE);
        if (id == null) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected String getLoginUrl() {
        return "/blog/auth/login";
    }

    /** The standard namespace plus {@code blog_title}. */
    @Override
    public Map<String, Object> getTemplateNamespace() {
        Map<String, Object> namespace = super.getTemplateNamespace();
        namespace.put("blog_title", TITLE);
        return namespace;
    }

    /** The signed-in author's id; only valid in {@code @Authenticated} verbs. */
    protected final long authorId() {
        return currentUser(Long.class);
    }

    /** Signs an author in for 30 days: signed, HttpOnly, SameSite=Lax. */
    protected final void signIn(Author author) {
        setSignedCookie(COOKIE, Long.toString(author.id()),
                CookieOptions.defaults().expiresDays(30).httpOnly(true).sameSite("Lax"));
    }

    /** The {@code next} argument when it is a path on this server, else the blog's home page. */
    protected final String next() {
        return LocalUrl.orElse(getArgument("next", null), HOME);
    }
}
