package org.tornadojava.demo;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder {@code POST /upload} stores files in: {@code tornado-demo.upload-dir}, or by default a folder the
 * demo creates under the system's temporary folder on first use. Thread-safe; {@link #path()} may create the
 * folder, so call it on an executor thread, never on an IOLoop.
 */
@Component
class UploadFolder {
    private final Path configured;
    private Path path;

    UploadFolder(DemoProperties properties) {
        this.configured = properties.getUploadDir();
    }

    synchronized Path path() {
        if (path == null) {
            try {
                path = configured != null ? Files.createDirectories(configured)
                        : Files.createTempDirectory("tornado-demo-uploads");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the demo upload folder", e);
            }
        }
        return path;
    }
}
