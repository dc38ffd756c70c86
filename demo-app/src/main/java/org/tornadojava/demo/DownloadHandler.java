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
 * thread, flushing after each chunk (seed 003's pattern, made safe by loop confinement). The folder is the
 * {@link DownloadFolder} bean. A name that is not a plain file name ({@code /}, {@code \}, {@code .}, {@code ..},
 * control characters such as {@code %00}) or names no regular file is 404.
 */
@Handler("/download/(.+)")
class DownloadHandler extends RequestHandler {
    private static final int CHUNK = 64 * 1024;
    private final DownloadFolder folder;

    DownloadHandler(DownloadFolder folder) {
        this.folder = folder;
    }

    public CompletionStage<Void> get(String name) {
        if (!DownloadFolder.isPlainName(name)) {
            throw new HttpError(404);
        }
        return runOnExecutor(() -> {
            Path file = folder.file(name);
            if (file == null) {
                throw new HttpError(404);
            }
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
