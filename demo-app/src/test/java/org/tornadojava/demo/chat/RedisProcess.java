package org.tornadojava.demo.chat;

import org.tornadojava.testing.Await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A redis-server of the test's own on 127.0.0.1, persisting every write to an append-only file in its folder, so
 * a stop and a start keep every stored message (as production should be configured), or, started with
 * {@link #startWithoutPersistence}, keeping nothing: a restart comes back empty.
 */
final class RedisProcess implements AutoCloseable {
    private final Path program = ExternalProgram.require("redis-server", "redis-server");
    private final Path folder;
    private final int port = ExternalProgram.freePort();
    private final boolean persistent;
    private Process process;

    private RedisProcess(Path folder, boolean persistent) {
        this.folder = folder;
        this.persistent = persistent;
    }

    /**
     * Starts Redis with its data in {@code folder}.
     *
     * @param folder created if missing
     * @return the running server
     */
    static RedisProcess start(Path folder) throws IOException {
        Files.createDirectories(folder);
        RedisProcess redis = new RedisProcess(folder, true);
        redis.start();
        return redis;
    }

    /**
     * Starts Redis with no persistence at all (no append-only file, no snapshots): a restart is empty.
     *
     * @param folder created if missing; holds the log
     * @return the running server
     */
    static RedisProcess startWithoutPersistence(Path folder) throws IOException {
        Files.createDirectories(folder);
        RedisProcess redis = new RedisProcess(folder, false);
        redis.start();
        return redis;
    }

    /** The port it listens on (the same after a restart). */
    int port() {
        return port;
    }

    /** The URL for {@code tornado-demo.redis-url}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again after {@link #stop}, on the same port and data. */
    void start() throws IOException {
        process = new ProcessBuilder(program.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", folder.toString(), "--appendonly", persistent ? "yes" : "no", "--appendfsync", "always",
                "--save", "",
                "--protected-mode", "yes")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("redis.log").toFile()))
                .start();
        Await.until(() -> answersPing() || !process.isAlive(), Duration.ofSeconds(20));
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "redis-server did not start: " + Files.readString(folder.resolve("redis.log")));
        }
    }

    /** Kills it (SIGKILL, {@code kill -9}): nothing is written on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it the way an operator would (SIGTERM: Redis finishes writing and exits). */
    void stop() {
        ExternalProgram.stop(process);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Sends one inline command, e.g. {@code CLIENT KILL TYPE pubsub}, and returns the first line of the answer.
     *
     * @param command the command
     * @return e.g. {@code :2}
     */
    String command(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /**
     * {@link #command} for a condition polled by {@link Await}: an I/O failure is an empty answer.
     *
     * @param command the command
     * @return the first line of the answer, or an empty string
     */
    String commandQuietly(String command) {
        try {
            return command(command);
        } catch (IOException e) {
            return "";
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
