package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code GET /blog/archive}: every entry's title and date, newest first. IOLoop thread; the query on the executor. */
@Handler("/blog/archive")
class ArchiveHandler extends BlogHandler {
    ArchiveHandler(BlogStore store) {
        super(store);
    }

    public CompletionStage<Void> get() {
        return runOnExecutor(store::all).thenAccept(entries -> render("blog/archive.html", Map.of("entries", entries)));
    }
}
