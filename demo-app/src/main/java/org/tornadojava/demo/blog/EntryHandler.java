package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /blog/entry/<slug>}: one entry through the {@code Entry} UI module; an unknown slug is a 404.
 * IOLoop thread; the query runs on the executor.
 */
@Handler("/blog/entry/([^/]+)")
class EntryHandler extends BlogHandler {
    EntryHandler(BlogStore store) {
        super(store);
    }

    public CompletionStage<Void> get(String slug) {
        return runOnExecutor(() -> store.entryBySlug(slug)).thenAccept(entry ->
                render("blog/entry.html", Map.of("entry", entry.orElseThrow(() -> new HttpError(404)))));
    }
}
