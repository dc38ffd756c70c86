package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /download/(name)}: streams a file of the download folder in 64 KiB chunks, each read and written from
 * an executor thread and flushed (seed 003's pattern, made safe by loop confinement). The next chunk is read only
 * when the flush of the previous one completed, and no executor thread waits for it meanwhile: a client that reads
 * slowly holds a file, not a thread of the pool (a stalled one is closed by {@code tornado.server.write-timeout}).
 * The folder is the {@link DownloadFolder} bean. A name that is not a plain file name ({@code /}, {@code \},
 * {@code .}, {@code ..}, control characters such as {@code %00}) or names no regular file is 404.
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
        return runOnExecutor(() -> open(name)).thenCompose(in -> sendFrom(in, new byte[CHUNK])
                .whenComplete((ignored, error) -> closeQuietly(in)))
                .thenAccept(ignored -> {
                    if (!isFinished()) {
                        finish();
                    }
                });
    }

    /** Opens the file and sets the headers. Executor thread. */
    private InputStream open(String name) throws IOException {
        Path file = folder.file(name);
        if (file == null) {
            throw new HttpError(404);
        }
        try {
            InputStream in = Files.newInputStream(file);
            setHeader("Content-Type", "application/octet-stream");
            setHeader("Content-Length", Files.size(file));
            return in;
        } catch (NoSuchFileException e) {
            throw new HttpError(404);
        }
    }

    /** Writes the next chunk on the executor, then continues once its flush completed. */
    private CompletionStage<Void> sendFrom(InputStream in, byte[] chunk) {
        return runOnExecutor(() -> {
            int read = in.readNBytes(chunk, 0, chunk.length);
            if (read > 0 && !isClosed()) {
                write(chunk, 0, read);
            }
            return read;
        }).thenCompose(read -> read < chunk.length || isClosed() ? CompletableFuture.<Void>completedFuture(null)
                : flush().thenCompose(flushed -> sendFrom(in, chunk)));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written to the file; a failed close of a read loses nothing.
        }
    }
}
