package org.tornadojava.demo.blog;

import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.spring.boot.Handler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /blog/feed}: the ten newest entries as an Atom feed ({@code application/atom+xml}). Titles are text
 * and contents HTML, both escaped by the template, so the feed is well-formed whatever the authors wrote.
 * IOLoop thread; the query runs on the executor.
 */
@Handler("/blog/feed")
class FeedHandler extends BlogHandler {
    private static final int ENTRIES = 10;

    FeedHandler(BlogStore store) {
        super(store);
    }

    public CompletionStage<Void> get() {
        return runOnExecutor(() -> store.latest(ENTRIES)).thenAccept(entries -> {
            setHeader("Content-Type", "application/atom+xml; charset=UTF-8");
            HttpServerRequest request = request();
            render("blog/feed.xml", new Feed(entries, request.protocol() + "://" + request.host(), updated(entries)));
        });
    }

    /** The feed's {@code updated}: its newest edit, or now for an empty feed; RFC 3339. */
    private static String updated(List<Entry> entries) {
        return entries.stream().map(Entry::updated).max(Instant::compareTo).orElseGet(Instant::now)
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The feed template's model.
     *
     * @param entries newest first
     * @param base scheme and host of the request, e.g. {@code http://example.org}
     * @param updated RFC 3339
     */
    record Feed(List<Entry> entries, String base, String updated) {
    }
}
