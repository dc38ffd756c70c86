package org.tornadojava.demo.blog;

import org.tornadojava.demo.chat.ExternalProgram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (Debian's {@code postgresql} package, which {@code .ci/run} installs):
 * {@code initdb} into a new temporary folder, then {@code pg_ctl start} on a free port of 127.0.0.1 with
 * password-less ({@code trust}) access for the user {@code blog}. PostgreSQL refuses to run as root, so as root
 * the folder is given to the {@code postgres} account and the programs run as it ({@code runuser}). Closing stops
 * the server and deletes the folder. Skipped (failed on CI) when the binaries are missing.
 */
final class PostgresProcess implements AutoCloseable {
    /** The database user the tests connect as. */
    static final String USER = "blog";

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path initdb = ExternalProgram.require("initdb", "postgresql", binFolder());
    private final Path pgCtl = initdb.resolveSibling("pg_ctl");
    private final boolean root = "root".equals(System.getProperty("user.name"));
    private final int port = ExternalProgram.freePort();
    private final Path folder;

    private PostgresProcess() throws IOException {
        folder = Files.createTempDirectory("tornado-blog-pg");
        if (root) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, users.lookupPrincipalByName("postgres"));
        }
    }

    /**
     * Creates a cluster and starts it; returns once it accepts connections.
     *
     * @return the running server
     */
    static PostgresProcess start() throws IOException, InterruptedException {
        PostgresProcess postgres = new PostgresProcess();
        try {
            postgres.run(postgres.initdb.toString(), "-D", postgres.data().toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--no-locale");
            postgres.run(postgres.pgCtl.toString(), "-D", postgres.data().toString(), "-l",
                    postgres.folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + postgres.port + " -h 127.0.0.1 -k " + postgres.folder + " -F", "start");
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The JDBC URL of its {@code postgres} database. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(pgCtl.toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteFolder();
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    /** Runs a PostgreSQL program to its end (as {@code postgres} when this JVM is root); fails on a non-zero exit. */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path output = folder.resolve("command.log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", line) + " exited with " + exit + ":\n"
                    + Files.readString(output) + serverLog());
        }
    }

    private String serverLog() throws IOException {
        Path log = folder.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void deleteFolder() {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** The newest installed version's {@code bin} folder, e.g. {@code /usr/lib/postgresql/15/bin}. */
    private static Path[] binFolder() {
        if (!Files.isDirectory(VERSIONS)) {
            return new Path[0];
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.filter(version -> version.getFileName().toString().matches("[0-9]+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> new Path[] {version.resolve("bin")}).orElse(new Path[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
