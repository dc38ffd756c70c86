package org.tornadojava.demo.blog;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tornadojava.ioloop.IOLoop;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link BlogStore} guarantees, run against every database the blog supports (H2 and PostgreSQL each extend
 * this with their data source). Every test starts from an empty database migrated by the blog's Flyway scripts.
 */
abstract class BlogStoreContract {
    private static final Instant START = Instant.parse("2026-12-02T10:00:00.123456Z");

    private JdbcClient jdbc;
    private BlogSchema schema;
    private BlogStore store;

    /** A data source on an empty database, or one {@link Flyway#clean} may empty. */
    abstract DataSource dataSource();

    @BeforeEach
    void emptyMigratedDatabase() {
        Flyway flyway = Flyway.configure().dataSource(dataSource()).cleanDisabled(false).load();
        flyway.clean();
        jdbc = JdbcClient.create(dataSource());
        schema = new BlogSchema(flyway);
        store = storeAt(Duration.ZERO);
    }

    /** A store on the same database whose clock stands still at {@code START} plus {@code later}. */
    private BlogStore storeAt(Duration later) {
        return new BlogStore(jdbc, schema, Clock.fixed(START.plus(later), ZoneOffset.UTC));
    }

    @Test
    void aNewDatabaseHasTheTablesButNoAuthorAndNoEntries() {
        assertThat(store.anyAuthor()).isFalse();
        assertThat(store.latest(5)).isEmpty();
        assertThat(store.all()).isEmpty();
        assertThat(store.entryBySlug("anything")).isEmpty();
    }

    @Test
    void queriesAreRefusedOnAnIOLoopThread() throws Exception {
        String refusal = IOLoop.runSync(() -> {
            try {
                store.anyAuthor();
                return CompletableFuture.completedFuture("queried on " + Thread.currentThread().getName());
            } catch (IllegalStateException e) {
                return CompletableFuture.completedFuture(e.getMessage());
            }
        }, Duration.ofSeconds(30));
        assertThat(refusal).startsWith("BlogStore blocks on the database: call it through runOnExecutor");
    }

    @Test
    void anAuthorIsFoundByIdAndByEmailAndEmailsAreUnique() {
        Author ann = store.createAuthor("ann@example.org", "Ann", "$2a$10$hash");
        assertThat(store.anyAuthor()).isTrue();
        assertThat(store.authorById(ann.id())).contains(ann);
        assertThat(store.authorByEmail("ann@example.org")).contains(ann);
        assertThat(store.authorByEmail("bob@example.org")).isEmpty();
        assertThat(store.authorById(ann.id() + 1)).isEmpty();
        assertThatThrownBy(() -> store.createAuthor("ann@example.org", "Other Ann", "$2a$10$other"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theSameTitleGetsAUniqueSlugEachTime() {
        long author = store.createAuthor("ann@example.org", "Ann", "h").id();
        List<String> slugs = List.of(
                store.publish(author, "Héllo, World!", "one", "<p>one</p>").slug(),
                store.publish(author, "Hello World", "two", "<p>two</p>").slug(),
                store.publish(author, "hello -- world", "three", "<p>three</p>").slug());
        assertThat(slugs).containsExactly("hello-world", "hello-world-2", "hello-world-3");
        assertThat(store.entryBySlug("hello-world-2").orElseThrow().markdown()).isEqualTo("two");
    }

    @Test
    void writersPublishingTheSameTitleAtOnceAllGetDistinctSlugs() throws Exception {
        long author = store.createAuthor("ann@example.org", "Ann", "h").id();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            Callable<String> publish = () -> store.publish(author, "Race", "text", "<p>text</p>").slug();
            List<Future<String>> slugs = writers.invokeAll(List.of(publish, publish, publish, publish));
            List<String> taken = new ArrayList<>();
            for (Future<String> slug : slugs) {
                taken.add(slug.get());
            }
            assertThat(taken).containsExactlyInAnyOrder("race", "race-2", "race-3", "race-4");
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void latestIsNewestFirstAndLimitedWhileTheArchiveHasAll() {
        long author = store.createAuthor("ann@example.org", "Ann", "h").id();
        List<String> titles = List.of("first", "second", "third");
        for (int minute = 0; minute < titles.size(); minute++) {
            String title = titles.get(minute);
            storeAt(Duration.ofMinutes(minute)).publish(author, title, title, "<p>" + title + "</p>");
        }
        assertThat(store.latest(2)).extracting(Entry::title).containsExactly("third", "second");
        assertThat(store.all()).extracting(Entry::title).containsExactly("third", "second", "first");
    }

    @Test
    void textAndTimesComeBackExactlyAsStored() {
        long author = store.createAuthor("ann@example.org", "Ann", "h").id();
        String title = "<script>alert('x')</script> Ünïcödé & \"quotes\" 😀";
        Entry stored = store.publish(author, title, "*markdown* <b>", "<p><em>markdown</em> &lt;b&gt;</p>");
        Entry read = store.entryById(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.title()).isEqualTo(title);
        assertThat(read.published()).isEqualTo(START);
        assertThat(read.authorId()).isEqualTo(author);
    }

    @Test
    void anUpdateChangesTitleTextAndUpdatedButKeepsSlugAndPublished() {
        long author = store.createAuthor("ann@example.org", "Ann", "h").id();
        Entry entry = store.publish(author, "Draft title", "old", "<p>old</p>");
        Entry edited = storeAt(Duration.ofHours(1)).update(entry.id(), "Final title", "new", "<p>new</p>")
                .orElseThrow();
        assertThat(edited.slug()).isEqualTo("draft-title");
        assertThat(edited.title()).isEqualTo("Final title");
        assertThat(edited.markdown()).isEqualTo("new");
        assertThat(edited.html()).isEqualTo("<p>new</p>");
        assertThat(edited.published()).isEqualTo(entry.published());
        assertThat(edited.updated()).isEqualTo(entry.updated().plus(Duration.ofHours(1)));
        assertThat(store.entryBySlug("draft-title")).contains(edited);
        assertThat(store.update(entry.id() + 1, "t", "m", "h")).isEmpty();
    }
}
