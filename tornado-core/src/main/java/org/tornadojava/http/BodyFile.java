package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The temporary file of a request body larger than {@code max-in-memory-body}. Each piece is written as it
 * arrives, on the IOLoop: a write of at most one socket read (tens of KiB) lands in the OS page cache, about what
 * aggregating the piece in memory costs, and keeps the body's bytes in order without a hand-over queue; memory
 * held stays at the piece being written. The file is closed once the body is complete and deleted by whoever
 * owns it then (the receiving exchange, or the response writer once the request ends). IOLoop thread only.
 */
final class BodyFile {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Path path;
    private FileChannel channel;
    private long size;

    private BodyFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates an empty temporary file.
     *
     * @param directory the folder, or null for {@code java.io.tmpdir}
     * @return the open file
     * @throws UncheckedIOException when the file cannot be created
     */
    static BodyFile create(Path directory) {
        Path path = null;
        try {
            path = directory == null ? Files.createTempFile("tornado-body-", ".tmp")
                    : Files.createTempFile(directory, "tornado-body-", ".tmp");
            return new BodyFile(path, FileChannel.open(path, StandardOpenOption.WRITE));
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException("cannot create a temporary file for a request body", e);
        }
    }

    /**
     * Appends the readable bytes of {@code piece}, leaving its indexes and reference count as they are.
     *
     * @throws UncheckedIOException when the write fails (disk full, say)
     */
    void write(ByteBuf piece) {
        try {
            int count = piece.nioBufferCount();
            ByteBuffer[] buffers = count == 1 ? new ByteBuffer[] {piece.nioBuffer()} : piece.nioBuffers();
            long length = piece.readableBytes();
            long written = 0;
            while (written < length) {
                written += channel.write(buffers);
            }
            size += length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body to " + path, e);
        }
    }

    /** Closes the file after the last piece; it stays on disk. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + path, e);
            } finally {
                channel = null;
            }
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Closes and deletes the file; failures are ignored (the file may be gone already). */
    void delete() {
        try {
            close();
        } catch (UncheckedIOException e) {
            GENERAL_LOG.debug("closing {} failed: {}", path, e.getCause().toString());
        }
        deleteQuietly(path);
    }

    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            GENERAL_LOG.warn("cannot delete the temporary file {}: {}", path, e.toString());
        }
    }
}
