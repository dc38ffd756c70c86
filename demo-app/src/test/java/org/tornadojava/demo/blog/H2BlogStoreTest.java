package org.tornadojava.demo.blog;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** {@link BlogStoreContract} on the demo's default database, an H2 file (one per test, in a temporary folder). */
class H2BlogStoreTest extends BlogStoreContract {
    @TempDir
    Path folder;

    @Override
    DataSource dataSource() {
        return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + folder.resolve("blog"));
    }
}
