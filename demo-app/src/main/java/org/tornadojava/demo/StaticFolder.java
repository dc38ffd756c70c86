package org.tornadojava.demo;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tornadojava.spring.boot.autoconfigure.TornadoApplicationCustomizer;
import org.tornadojava.spring.boot.autoconfigure.TornadoProperties;
import org.tornadojava.web.Application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the demo's own static files (the chat script and style sheet, shipped in the jar under {@code static/})
 * at {@code /static/}. tornado-core's {@code StaticFileHandler} serves a folder on disk (zero-copy, ETags,
 * ranges), so at start-up the files are copied into a temporary folder, deleted when the JVM exits, which becomes
 * the application's static path. A {@code tornado.static.path} set by the user wins: then nothing is copied.
 * The folder is flat: only the files directly under {@code static/} are copied.
 */
@Component
class StaticFolder implements TornadoApplicationCustomizer {
    private static final String LOCATION = "classpath:static/*";

    private final TornadoProperties properties;

    StaticFolder(TornadoProperties properties) {
        this.properties = properties;
    }

    /**
     * Points the application at the copied files unless {@code tornado.static.path} is set. Context refresh thread.
     *
     * @param builder the application builder
     */
    @Override
    public void customize(Application.Builder builder) {
        if (properties.getStatic().getPath() == null) {
            builder.staticPath(copyOut());
        }
    }

    private static Path copyOut() {
        try {
            Path folder = Files.createTempDirectory("tornado-demo-static");
            folder.toFile().deleteOnExit();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = resource.getFilename();
                if (name == null || name.isEmpty() || !resource.isReadable()) {
                    continue;
                }
                Path file = folder.resolve(name);
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file);
                }
                file.toFile().deleteOnExit();
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo's static files", e);
        }
    }
}
