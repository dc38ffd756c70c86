package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Debian programs the scale-out and blog tests run (redis-server, nginx, PostgreSQL's initdb). On CI
 * (environment {@code CI=true}), where {@code .ci/run} installs them, a missing one fails the test; elsewhere it
 * skips it with the command that installs it.
 */
public final class ExternalProgram {
    private static final List<String> FOLDERS = List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin");

    private ExternalProgram() {
    }

    /**
     * The program's path, or the test is skipped (failed on CI) when it is not installed.
     *
     * @param name e.g. {@code nginx}
     * @param debianPackage the package that has it
     * @param moreFolders folders searched first, e.g. {@code /usr/lib/postgresql/15/bin}
     * @return the executable
     */
    public static Path require(String name, String debianPackage, Path... moreFolders) {
        List<Path> folders = new ArrayList<>(List.of(moreFolders));
        FOLDERS.forEach(folder -> folders.add(Path.of(folder)));
        for (Path folder : folders) {
            Path program = folder.resolve(name);
            if (Files.isExecutable(program)) {
                return program;
            }
        }
        String missing = name + " is not installed: apt-get install " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing + " (.ci/run installs it)");
        }
        Assumptions.abort(missing);
        throw new AssertionError(missing);
    }

    /**
     * A port of 127.0.0.1 nobody listens on right now.
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a process with SIGTERM, waiting up to 30 s before killing it.
     *
     * @param process the process
     */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
