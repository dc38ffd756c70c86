package org.tornadojava.demo.blog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.tornadojava.ioloop.IOLoop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The blog's authors and entries in the database, with Spring's {@link JdbcClient}; the same SQL runs on H2 and
 * PostgreSQL. Every method blocks on the database: call it on the executor ({@code runOnExecutor}); on an IOLoop
 * thread it throws {@link IllegalStateException} instead of stalling the loop. Thread-safe.
 */
@Component
public class BlogStore {
    /** How often {@link #publish} picks a new slug when another writer took the chosen one meanwhile. */
    private static final int SLUG_RACES = 5;

    private static final RowMapper<Author> AUTHOR = (rs, row) -> new Author(rs.getLong("id"), rs.getString("email"),
            rs.getString("name"), rs.getString("hashed_password"));
    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getLong("id"), rs.getLong("author_id"),
            rs.getString("slug"), rs.getString("title"), rs.getString("markdown"), rs.getString("html"),
            rs.getObject("published", OffsetDateTime.class).toInstant(),
            rs.getObject("updated", OffsetDateTime.class).toInstant());
    private static final String ENTRY_COLUMNS = "SELECT id, author_id, slug, title, markdown, html, published, updated"
            + " FROM blog_entries ";
    private static final String NEWEST_FIRST = "ORDER BY published DESC, id DESC";

    private final JdbcClient jdbc;
    private final BlogSchema schema;
    private final Clock clock;

    /**
     * A store on Spring Boot's data source, dated by the system clock.
     *
     * @param jdbc the client of the blog's data source
     * @param schema migrated before the first query
     */
    @Autowired
    BlogStore(JdbcClient jdbc, BlogSchema schema) {
        this(jdbc, schema, Clock.systemUTC());
    }

    BlogStore(JdbcClient jdbc, BlogSchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Whether an author account exists (the blog has one author, as Tornado's demo).
     *
     * @return true once {@link #createAuthor} succeeded
     */
    public boolean anyAuthor() {
        return client().sql("SELECT COUNT(*) FROM blog_authors").query(Long.class).single() > 0;
    }

    /**
     * An author by id.
     *
     * @param id the id kept in the sign-in cookie
     * @return the author, or empty when there is none with that id
     */
    public Optional<Author> authorById(long id) {
        return client().sql("SELECT * FROM blog_authors WHERE id = ?").param(id).query(AUTHOR).optional();
    }

    /**
     * An author by e-mail address.
     *
     * @param email the address typed into the login form
     * @return the author, or empty
     */
    public Optional<Author> authorByEmail(String email) {
        return client().sql("SELECT * FROM blog_authors WHERE email = ?").param(email).query(AUTHOR).optional();
    }

    /**
     * Adds an author.
     *
     * @param email a unique address
     * @param name the name shown
     * @param hashedPassword the bcrypt hash
     * @return the stored author with its id
     * @throws DuplicateKeyException when the address is taken
     */
    public Author createAuthor(String email, String name, String hashedPassword) {
        KeyHolder key = new GeneratedKeyHolder();
        client().sql("INSERT INTO blog_authors (email, name, hashed_password) VALUES (?, ?, ?)")
                .params(email, name, hashedPassword).update(key, "id");
        return new Author(key.getKeyAs(Long.class), email, name, hashedPassword);
    }

    /**
     * The newest entries, newest first.
     *
     * @param limit how many at most
     * @return the entries
     */
    public List<Entry> latest(int limit) {
        return client().sql(ENTRY_COLUMNS + NEWEST_FIRST + " LIMIT ?").param(limit).query(ENTRY).list();
    }

    /**
     * Every entry, newest first (the archive).
     *
     * @return the entries
     */
    public List<Entry> all() {
        return client().sql(ENTRY_COLUMNS + NEWEST_FIRST).query(ENTRY).list();
    }

    /**
     * An entry by slug.
     *
     * @param slug its URL name
     * @return the entry, or empty
     */
    public Optional<Entry> entryBySlug(String slug) {
        return client().sql(ENTRY_COLUMNS + "WHERE slug = ?").param(slug).query(ENTRY).optional();
    }

    /**
     * An entry by id.
     *
     * @param id its database id
     * @return the entry, or empty
     */
    public Optional<Entry> entryById(long id) {
        return client().sql(ENTRY_COLUMNS + "WHERE id = ?").param(id).query(ENTRY).optional();
    }

    /**
     * Publishes a new entry under a slug made from its title, unique among all entries ({@code -2}, {@code -3},
     * ... appended when taken, also when another writer takes it at the same moment).
     *
     * @param authorId the author's id
     * @param title the title, plain text
     * @param markdown the text as written
     * @param html the text rendered
     * @return the stored entry
     */
    public Entry publish(long authorId, String title, String markdown, String html) {
        String wanted = Slugs.of(title);
        OffsetDateTime now = now();
        for (int race = 1; ; race++) {
            String slug = freeSlug(wanted);
            KeyHolder key = new GeneratedKeyHolder();
            try {
                client().sql("INSERT INTO blog_entries (author_id, slug, title, markdown, html, published, updated)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(authorId, slug, title, markdown, html, now, now).update(key, "id");
            } catch (DuplicateKeyException taken) {
                if (race == SLUG_RACES) {
                    throw taken;
                }
                continue;
            }
            return new Entry(key.getKeyAs(Long.class), authorId, slug, title, markdown, html, now.toInstant(),
                    now.toInstant());
        }
    }

    /**
     * Changes an entry's title and text; its slug and publication date stay.
     *
     * @param id the entry's id
     * @param title the new title
     * @param markdown the new text
     * @param html the new text rendered
     * @return the entry as stored now, or empty when there is none with that id
     */
    public Optional<Entry> update(long id, String title, String markdown, String html) {
        int changed = client()
                .sql("UPDATE blog_entries SET title = ?, markdown = ?, html = ?, updated = ? WHERE id = ?")
                .params(title, markdown, html, now(), id).update();
        return changed == 0 ? Optional.empty() : entryById(id);
    }

    private String freeSlug(String wanted) {
        Set<String> taken = new HashSet<>(client().sql("SELECT slug FROM blog_entries WHERE slug = ? OR slug LIKE ?")
                .params(wanted, wanted + "-%").query(String.class).list());
        for (int attempt = 1; ; attempt++) {
            String candidate = Slugs.candidate(wanted, attempt);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Now, to the microsecond (what both databases keep). */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The client, once the schema is migrated; refuses IOLoop threads, which a blocking query would stall. */
    private JdbcClient client() {
        if (IOLoop.currentOrNull() != null) {
            throw new IllegalStateException("BlogStore blocks on the database: call it through runOnExecutor, not on "
                    + Thread.currentThread().getName());
        }
        schema.ensureMigrated();
        return jdbc;
    }
}
