package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /blog/}: the five newest entries, each through the {@code Entry} UI module; with no entry yet,
 * a redirect to {@code /blog/compose} (as Tornado's demo). IOLoop thread; the query runs on the executor.
 */
@Handler("/blog/")
class HomeHandler extends BlogHandler {
    private static final int ENTRIES = 5;

    HomeHandler(BlogStore store) {
        super(store);
    }

    public CompletionStage<Void> get() {
        return runOnExecutor(() -> store.latest(ENTRIES)).thenAccept(entries -> {
            if (entries.isEmpty()) {
                redirect("/blog/compose");
            } else {
                render("blog/home.html", Map.of("entries", entries));
            }
        });
    }
}
