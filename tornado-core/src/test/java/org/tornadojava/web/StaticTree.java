package org.tornadojava.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The folders the static-file tests serve: {@code static/} with a few files, and next to it files that must never
 * be served, each containing {@code TOP SECRET}, with symbolic links pointing at them from inside.
 */
final class StaticTree {
    static final String ROBOTS = "User-agent: *\nDisallow: /\n";
    static final Instant MODIFIED = Instant.parse("2020-01-01T00:00:00.500Z");

    private StaticTree() {
    }

    /** Creates the tree in {@code temp} and returns the static root. */
    static Path create(Path temp) throws IOException {
        Path root = Files.createDirectories(temp.resolve("static"));
        Files.writeString(root.resolve("robots.txt"), ROBOTS);
        Files.setLastModifiedTime(root.resolve("robots.txt"), FileTime.from(MODIFIED));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/file.txt"), "inside");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("secret.txt"), "TOP SECRET");
        Files.writeString(temp.resolve("pom.xml"), "TOP SECRET pom");
        Files.writeString(temp.resolve("static_foo.txt"), "TOP SECRET foo");
        Files.writeString(outside.resolve("secret.txt"), "TOP SECRET outside");
        Files.createSymbolicLink(root.resolve("evil-link"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("relative-link"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        Files.createSymbolicLink(root.resolve("good-link"), root.resolve("robots.txt"));
        return root;
    }
}
