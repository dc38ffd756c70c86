package org.tornadojava.demo;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The folder {@code /download/(name)} serves: {@code tornado-demo.download-dir}, or by default a temporary
 * directory holding a 10 MiB {@code sample.bin}, created on first use (off the start-up path) and deleted when
 * the JVM exits. Thread-safe; {@link #path()} may block while the default folder is written, so call it on an
 * executor thread, never on an IOLoop.
 */
@Component
class DownloadFolder {
    static final int SAMPLE_SIZE = 10 * 1024 * 1024;

    private final Path configured;
    private Path path;

    DownloadFolder(DemoProperties properties) {
        this.configured = properties.getDownloadDir();
    }

    synchronized Path path() {
        if (path == null) {
            path = configured != null ? configured : createDefault();
        }
        return path;
    }

    /**
     * The regular file called {@code name} directly in this folder, or null when there is none or the name is not a
     * plain file name ({@code .}, {@code ..}, separators, control characters such as NUL, a name the file system
     * refuses). May block: executor threads only.
     *
     * @param name the file name from the URL, already percent-decoded
     * @return the file to serve, or null (answer 404)
     */
    Path file(String name) {
        if (!isPlainName(name)) {
            return null;
        }
        Path folder = path();
        try {
            Path file = folder.resolve(name);
            return folder.equals(file.getParent()) && Files.isRegularFile(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A single path segment naming a file: not empty, not {@code .} or {@code ..}, no separator or control. */
    static boolean isPlainName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static Path createDefault() {
        try {
            Path dir = Files.createTempDirectory("tornado-demo-downloads");
            Path sample = dir.resolve("sample.bin");
            byte[] block = new byte[64 * 1024];
            Random random = new Random(42);
            try (OutputStream out = Files.newOutputStream(sample)) {
                for (int written = 0; written < SAMPLE_SIZE; written += block.length) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            dir.toFile().deleteOnExit();
            sample.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo download folder", e);
        }
    }
}
