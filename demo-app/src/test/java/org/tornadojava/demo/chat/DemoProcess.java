package org.tornadojava.demo.chat;

import org.tornadojava.testing.Await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One demo instance as production runs it: {@code java -jar target/demo-app.jar} in its own process, on
 * 127.0.0.1, with Netty's paranoid leak detection; its output goes to a log file the test can read.
 */
final class DemoProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "demo-app.jar");
    private static final String STARTED = "Tornado server started on port ";
    private final Process process;
    private final Path log;
    private final int port;

    private DemoProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts an instance without waiting for it; call {@link #awaitStarted}.
     *
     * @param name names the log file
     * @param folder where the log file goes
     * @param port the port to listen on
     * @param settings further {@code --key=value} settings
     * @return the starting instance
     */
    static DemoProcess launch(String name, Path folder, int port, String... settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after package");
        }
        Path log = folder.resolve(name + ".log");
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary,
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dio.netty.leakDetection.level=paranoid",
                "-jar", JAR.toString(),
                "--tornado.server.port=" + port, "--tornado.server.address=127.0.0.1",
                "--tornado.ioloop.threads=1", "--tornado.executor.threads=2"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new DemoProcess(process, log, port);
    }

    /**
     * Waits until this process logged that its server listens (up to 180 s: JVMs start slowly on a busy machine, and
     * the demo starts Spring Boot's Actuator and Prometheus registry too).
     *
     * @return this
     */
    DemoProcess awaitStarted() {
        Await.until(() -> log().contains(STARTED + port) || !process.isAlive(), Duration.ofSeconds(180));
        if (!log().contains(STARTED + port)) {
            throw new IllegalStateException("the demo did not start:\n" + log());
        }
        return this;
    }

    /**
     * Waits up to 60 s for the process to end by itself (e.g. a start-up failure).
     *
     * @return its exit code
     */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the demo is still running:\n" + log());
        }
        return process.exitValue();
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** Everything it printed so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of its log lines contain {@code text}. */
    long logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).count();
    }

    /** Stops it with SIGTERM (a graceful shutdown) and fails if Netty reported a leaked buffer meanwhile. */
    @Override
    public void close() {
        ExternalProgram.stop(process);
        if (log().contains("LEAK:")) {
            throw new AssertionError("Netty reported a leak in " + log);
        }
    }
}
