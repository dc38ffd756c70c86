package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RedirectHandler;

import java.util.Map;

/** {@code GET /blog}: redirects (301) to the blog's home page {@code /blog/}. */
@Handler("/blog")
class BlogRootHandler extends RedirectHandler {
    private static final Map<String, Object> TARGET = Map.of("url", BlogHandler.HOME, "permanent", true);

    @Override
    protected void initialize(Map<String, Object> kwargs) {
        super.initialize(TARGET);
    }
}
