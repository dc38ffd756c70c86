package org.tornadojava.demo.blog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A blog post, a row of {@code blog_entries}. Immutable; any thread. Templates read its accessors
 * ({@code entry.title}, {@code entry.html}, {@code entry.publishedDate}).
 *
 * @param id the database id
 * @param authorId the author who wrote it
 * @param slug the unique URL name, {@code /blog/entry/<slug>}
 * @param title the title, plain text
 * @param markdown the text as the author wrote it
 * @param html the text rendered from Markdown, raw HTML in it already escaped
 * @param published when it was first published
 * @param updated when it was last edited
 */
public record Entry(long id, long authorId, String slug, String title, String markdown, String html,
        Instant published, Instant updated) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * The publication day for pages.
     *
     * @return e.g. {@code December 2, 2026} (UTC)
     */
    public String publishedDate() {
        return DAY.format(published);
    }

    /**
     * The publication time for the Atom feed.
     *
     * @return RFC 3339 in UTC to the second, e.g. {@code 2026-12-02T17:40:05Z}
     */
    public String publishedRfc3339() {
        return published.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The time of the last edit for the Atom feed.
     *
     * @return RFC 3339 in UTC to the second
     */
    public String updatedRfc3339() {
        return updated.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
