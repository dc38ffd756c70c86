package org.tornadojava.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SHA-512 hex of static files, Tornado's {@code get_content_version}: the ETag of a static file and the
 * {@code ?v=} of its versioned URL. Hashes are cached per path and recomputed when the file's size or modification
 * time changes. Reading a file to hash it blocks: {@link StaticFileHandler} does it on the executor. Thread-safe.
 */
final class ContentVersions {
    private static final int READ_SIZE = 64 * 1024;
    private static final ConcurrentMap<Path, Version> CACHE = new ConcurrentHashMap<>();

    private ContentVersions() {
    }

    /**
     * The cached hash of a file whose stat is known, or null when it was never hashed or changed since. Cheap;
     * never reads the file.
     *
     * @param file the file's real path
     */
    static String cached(Path file, long size, long modifiedMillis) {
        Version version = CACHE.get(file);
        return version != null && version.size == size && version.modifiedMillis == modifiedMillis
                ? version.hash : null;
    }

    /**
     * The file's hash, from the cache or by reading the whole file (blocking).
     *
     * @param file the file's real path
     * @throws IOException when the file cannot be read
     */
    static String hash(Path file) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = before.lastModifiedTime().toMillis();
        String cached = cached(file, before.size(), modified);
        if (cached != null) {
            return cached;
        }
        MessageDigest digest = Digests.sha512();
        ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) {
                size += buffer.position();
                digest.update(buffer.flip());
            }
        }
        String hash = Hex.encode(digest.digest());
        if (size == before.size()) {
            CACHE.put(file, new Version(size, modified, hash));
        }
        return hash;
    }

    /** A file's hash and the stat it was computed for. */
    private record Version(long size, long modifiedMillis, String hash) {
    }
}
