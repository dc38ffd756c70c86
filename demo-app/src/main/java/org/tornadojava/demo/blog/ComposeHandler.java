package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Authenticated;
import org.tornadojava.web.HttpError;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /blog/compose}, for the signed-in author only ({@code @Authenticated}: anonymous GETs are redirected to
 * {@code /blog/auth/login?next=...}, other methods get 403). GET shows the form, filled with the entry when
 * {@code ?id=} names one; POST publishes a new entry ({@code title}, {@code markdown}) or, with {@code id}, edits
 * that one, then redirects to it. An unknown id is a 404; a missing or too long title shows the form again with
 * 400. As every argument, title and Markdown have their control characters (but tab and line ends) turned into
 * spaces, so the feed's XML can hold them; the Markdown keeps its surrounding white space (indented code).
 * IOLoop thread; Markdown rendering and queries run on the executor.
 */
@Handler("/blog/compose")
class ComposeHandler extends BlogHandler {
    /** Longest title accepted (the column's width). */
    static final int MAX_TITLE_LENGTH = 512;

    private final MarkdownRenderer markdown;

    ComposeHandler(BlogStore store, MarkdownRenderer markdown) {
        super(store);
        this.markdown = markdown;
    }

    @Authenticated
    public CompletionStage<Void> get() {
        Long id = entryId();
        if (id == null) {
            render("blog/compose.html", new Form(null, "", "", null));
            return CompletableFuture.completedFuture(null);
        }
        return runOnExecutor(() -> store.entryById(id)).thenAccept(found -> {
            Entry entry = found.orElseThrow(() -> new HttpError(404));
            render("blog/compose.html", new Form(entry.id(), entry.title(), entry.markdown(), null));
        });
    }

    @Authenticated
    public CompletionStage<Void> post() {
        Long id = entryId();
        String title = getArgument("title").strip();
        String text = getArgument("markdown", "", false);
        String problem = title.isEmpty() ? "Please give the post a title."
                : title.length() > MAX_TITLE_LENGTH ? "A title has at most " + MAX_TITLE_LENGTH + " characters."
                : null;
        if (problem != null) {
            setStatus(400);
            render("blog/compose.html", new Form(id, title, text, problem));
            return CompletableFuture.completedFuture(null);
        }
        long author = authorId();
        return runOnExecutor(() -> save(author, id, title, text)).thenAccept(slug -> redirect("/blog/entry/" + slug));
    }

    /** Publishes or edits; returns the entry's slug. Executor thread. */
    private String save(long author, Long id, String title, String text) {
        if (store.authorById(author).isEmpty()) {
            throw new HttpError(403, "author %d in the sign-in cookie does not exist", author);
        }
        String html = markdown.toHtml(text);
        if (id == null) {
            return store.publish(author, title, text, html).slug();
        }
        return store.update(id, title, text, html).orElseThrow(() -> new HttpError(404)).slug();
    }

    /** The {@code id} argument: null when absent or empty, 400 when not a number. */
    private Long entryId() {
        String id = getArgument("id", "");
        if (id.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "id %s is not a number", id);
        }
    }

    /**
     * The compose template's model.
     *
     * @param id the edited entry's id, or null for a new one
     * @param title the title in the form
     * @param markdown the text in the form
     * @param error what is wrong with the last submission, or null
     */
    record Form(Long id, String title, String markdown, String error) {
    }
}
