package org.tornadojava.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The default download folder: a temporary directory holding a 10 MiB {@code sample.bin}. */
final class DownloadFolder {
    static final int SAMPLE_SIZE = 10 * 1024 * 1024;

    private DownloadFolder() {
    }

    static Path createDefault() {
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
            sample.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo download folder", e);
        }
    }
}
