package org.tornadojava.web;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a static file from its name, as Tornado's {@code StaticFileHandler} derives it from
 * Python's {@code mimetypes}: a table of the common web types first, then the JDK's
 * {@link URLConnection#guessContentTypeFromName}, else {@code application/octet-stream}. A gzip-compressed file
 * ({@code .gz}) is {@code application/gzip} (RFC 6713); other compressed files ({@code .bz2}, {@code .xz},
 * {@code .br}, {@code .Z}) are {@code application/octet-stream}. Like Tornado, no charset is added. Stateless;
 * thread-safe.
 */
final class ContentTypes {
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"),
            Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("wasm", "application/wasm"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/x-wav"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("webmanifest", "application/manifest+json"));
    private static final Map<String, String> COMPRESSED = Map.of("gz", "application/gzip", "tgz", "application/gzip",
            "bz2", OCTET_STREAM,
            "xz", OCTET_STREAM, "br", OCTET_STREAM, "z", OCTET_STREAM);

    private ContentTypes() {
    }

    /** The content type for a file name. */
    static String of(String fileName) {
        String extension = extension(fileName);
        String compressed = COMPRESSED.get(extension);
        if (compressed != null) {
            return compressed;
        }
        String known = BY_EXTENSION.get(extension);
        if (known != null) {
            return known;
        }
        String guessed = URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : OCTET_STREAM;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
