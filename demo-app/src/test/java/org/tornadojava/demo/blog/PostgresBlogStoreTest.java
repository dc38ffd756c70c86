package org.tornadojava.demo.blog;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;

/**
 * {@link BlogStoreContract} on a real PostgreSQL, started by the test ({@link PostgresProcess}) and emptied by
 * Flyway before each test. Skipped when PostgreSQL is not installed (failed on CI, where {@code .ci/run} installs
 * it).
 */
class PostgresBlogStoreTest extends BlogStoreContract {
    private static PostgresProcess postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresProcess.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), PostgresProcess.USER, "");
    }
}
