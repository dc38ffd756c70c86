package org.tornadojava.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file sent in a {@code multipart/form-data} body, Tornado's {@code HTTPFile}. A small file is held in memory;
 * a file parsed from a body larger than {@code max-in-memory-body} may instead live in a temporary file
 * ({@link #path()}) that is deleted when the request ends. Immutable; do not modify the body array. Thread-safe.
 */
public final class UploadedFile {
    private final String filename;
    private final String contentType;
    private final byte[] body;
    private final Path path;
    private final long size;

    /**
     * A file held in memory.
     *
     * @param filename the file name the client gave
     * @param contentType the part's content type
     * @param body the file's bytes
     */
    public UploadedFile(String filename, String contentType, byte[] body) {
        this.filename = filename;
        this.contentType = contentType;
        this.body = Objects.requireNonNull(body, "body");
        this.path = null;
        this.size = body.length;
    }

    /** A file on disk, deleted when its request ends. */
    UploadedFile(String filename, String contentType, Path path, long size) {
        this.filename = filename;
        this.contentType = contentType;
        this.body = null;
        this.path = Objects.requireNonNull(path, "path");
        this.size = size;
    }

    /**
     * The file name the client gave, unchecked: sanitize it before using it as a path.
     *
     * @return the name, possibly empty
     */
    public String filename() {
        return filename;
    }

    /**
     * The part's {@code Content-Type}.
     *
     * @return the content type
     */
    public String contentType() {
        return contentType;
    }

    /**
     * The file's bytes. For a file on disk ({@link #path()} not null) this reads the whole file on the calling
     * thread, on every call; use {@link #inputStream()} or {@link #path()} for large files.
     *
     * @return the bytes
     * @throws UncheckedIOException when the file on disk cannot be read
     */
    public byte[] body() {
        if (body != null) {
            return body;
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file " + path, e);
        }
    }

    /**
     * The file's length.
     *
     * @return bytes
     */
    public long size() {
        return size;
    }

    /**
     * The temporary file holding the upload; it is deleted when the request ends, so move or copy it to keep it.
     *
     * @return the file, or null when the upload is held in memory
     */
    public Path path() {
        return path;
    }

    /**
     * Opens the file's bytes for reading, from memory or from disk. The caller closes the stream; reading a file on
     * disk blocks, so do it on an executor thread.
     *
     * @return a new stream
     * @throws IOException when the file on disk cannot be opened
     */
    public InputStream inputStream() throws IOException {
        return body != null ? new ByteArrayInputStream(body) : Files.newInputStream(path);
    }

    @Override
    public String toString() {
        return "UploadedFile(filename=" + filename + ", contentType=" + contentType + ", size=" + size + ")";
    }
}
