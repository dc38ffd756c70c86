package org.tornadojava.demo.blog;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The blog's tables, created and upgraded by Flyway from {@code classpath:db/migration} on the first query rather
 * than at start-up, so the demo starts, and serves its other routes, without touching the database (see
 * {@link BlogConfiguration#migrateOnFirstUse}). Thread-safe; {@link #ensureMigrated} blocks, so call it on an
 * executor thread.
 */
@Component
class BlogSchema {
    private final Flyway flyway;
    private volatile boolean migrated;

    BlogSchema(Flyway flyway) {
        this.flyway = flyway;
    }

    /**
     * Applies the pending migrations once per process; later calls return at once. Executor thread.
     */
    void ensureMigrated() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                flyway.migrate();
                migrated = true;
            }
        }
    }
}
