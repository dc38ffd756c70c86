package org.tornadojava.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs Python scripts from the test resources with Debian's Python Tornado ({@code /usr/bin/python3} only): a
 * script that runs to its end, or a server that prints {@code PORT <n>} once it listens.
 */
public final class PythonTornado {
    /** The only interpreter that imports Debian's python3-tornado. */
    public static final String PYTHON = "/usr/bin/python3";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private PythonTornado() {
    }

    /** Tells whether the interpreter exists and imports tornado (tests are skipped otherwise). */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import tornado").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a script to its end (at most 30 seconds) and returns its output lines, stderr included. */
    public static List<String> run(String resource, String... args) throws Exception {
        Path output = Files.createTempFile("python-tornado", ".log");
        try {
            Process process = start(resource, output, args);
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(resource + " did not finish within " + LIMIT + ": "
                        + Files.readAllLines(output, StandardCharsets.UTF_8));
            }
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Starts a server script and waits for its {@code PORT <n>} line. */
    public static Server startServer(String resource, String... args) throws Exception {
        Path output = Files.createTempFile("python-tornado", ".log");
        Process process = start(resource, output, args);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (line.startsWith("PORT ")) {
                    return new Server(process, output, Integer.parseInt(line.substring(5).trim()));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        new Server(process, output, -1).close();
        throw new IllegalStateException(resource + " printed no port: " + lines);
    }

    private static Process start(String resource, Path output, String... args) throws IOException,
            URISyntaxException {
        Path script = Path.of(PythonTornado.class.getResource(resource).toURI());
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** A running Python server; closing it stops the process and deletes its output. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final Path output;
        private final int port;

        private Server(Process process, Path output, int port) {
            this.process = process;
            this.output = output;
            this.port = port;
        }

        /** The port it listens on. */
        public int port() {
            return port;
        }

        /** What it printed so far. */
        public List<String> output() throws IOException {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(output);
        }
    }
}
