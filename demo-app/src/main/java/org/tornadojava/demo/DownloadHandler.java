package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /download/(name)}: streams a file of the download folder in 64 KiB chunks written from an executor
 * thread, flushing after each chunk (safe: output called off the loop is handed to it in call order). The folder is the
 * {@link DownloadFolder} bean. Names with {@code /}, {@code \} or {@code ..}, and missing files, are 404.
 */
@Handler("/download/(.+)")
class DownloadHandler extends RequestHandler {
    private static final int CHUNK = 64 * 1024;
    private final DownloadFolder folder;

    DownloadHandler(DownloadFolder folder) {
        this.folder = folder;
    }

    public CompletionStage<Void> get(String name) {
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.isEmpty()) {
            throw new HttpError(404);
        }
        return runOnExecutor(() -> {
            Path file = folder.path().resolve(name);
            try (InputStream in = Files.newInputStream(file)) {
                setHeader("Content-Type", "application/octet-stream");
                setHeader("Content-Length", Files.size(file));
                byte[] chunk = new byte[CHUNK];
                int read;
                while ((read = in.read(chunk)) > 0 && !isClosed()) {
                    write(chunk, 0, read);
                    flush().join();
                }
            } catch (NoSuchFileException e) {
                throw new HttpError(404);
            }
            return null;
        }).thenAccept(ignored -> {
            if (!isFinished()) {
                finish();
            }
        });
    }
}
