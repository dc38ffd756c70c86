package org.tornadojava.demo.blog;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wiring of the blog ({@code /blog}): its password hashing and when its schema is migrated. The data source is
 * Spring Boot's ({@code spring.datasource.*}: by default an H2 file under {@code tornado-demo.data-dir}).
 */
@Configuration(proxyBeanMethods = false)
class BlogConfiguration {

    /**
     * Leaves Flyway's migration to {@link BlogSchema}, which runs it on the blog's first query (on the executor):
     * Boot would otherwise open the database and migrate while the context starts.
     *
     * @return a strategy that migrates nothing at start-up
     */
    @Bean
    FlywayMigrationStrategy migrateOnFirstUse() {
        return flyway -> {
        };
    }

    /**
     * bcrypt, slow on purpose: only ever call it on the executor.
     *
     * @return the encoder for authors' passwords
     */
    @Bean
    PasswordEncoder blogPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
