package org.tornadojava.web;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import org.tornadojava.http.HttpDates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serves the files of a folder, Tornado's {@code StaticFileHandler}. Routed automatically by
 * {@link Application.Builder#staticPath}, or by hand with the init argument {@code path} (a {@link Path} or a
 * string) and a route with one group:
 *
 * <pre>{@code
 * .route("/content/(.*)", StaticFileHandler::new, Map.of("path", Path.of("/var/www")))
 * }</pre>
 *
 * <ul>
 *   <li><b>Sending</b>: the file goes from disk to socket without being copied through the heap (a Netty
 *       {@code FileRegion}, or 64 KiB chunks when TLS or compression must see the bytes); HEAD sends the headers
 *       only.</li>
 *   <li><b>Headers</b>: {@code Content-Type} from the file name ({@code application/octet-stream} when unknown, no
 *       charset), {@code Content-Length}, {@code Accept-Ranges: bytes}, {@code Last-Modified} (whole seconds),
 *       {@code Etag} = the quoted SHA-512 of the content (the same for a range). With a {@code v} argument in the
 *       URL (see {@link Application#staticUrl}) also {@code Cache-Control: max-age=315360000} and an
 *       {@code Expires} ten years ahead.</li>
 *   <li><b>Conditional requests</b>: a matching {@code If-None-Match} answers 304; without one,
 *       {@code If-Modified-Since} at or after the modification time answers 304 (an invalid date is ignored).
 *       A 304 has no body, {@code Content-Length} or {@code Content-Type}.</li>
 *   <li><b>Ranges</b>: one range per request (206 with {@code Content-Range}); unsatisfiable ones 416 with
 *       {@code Content-Range: bytes *}{@code /size}; a range covering the whole file, or one that cannot be
 *       parsed, answers 200 (see {@link ByteRange}).</li>
 *   <li><b>Safety</b>: the percent-decoded path must stay inside the folder after {@code ..} is resolved and
 *       symbolic links are followed, else 403; NUL bytes and backslashes are refused (403); a missing file is
 *       404; a folder is 403, or with the init argument {@code default_filename} (e.g. {@code index.html}) is
 *       served by that file, a request without the trailing slash being redirected (301) to it, except a path
 *       starting with {@code //}, which is refused (403) rather than becoming an open redirect.</li>
 *   <li><b>Threading</b>: path checks and the {@code stat} run on the IOLoop; the first request for a file (and the
 *       first after it changes) hashes it on the application's executor, later ones use the cached hash.</li>
 * </ul>
 */
public class StaticFileHandler extends RequestHandler {
    /** Lifetime given to versioned URLs ({@code ?v=}): ten years, Tornado's {@code CACHE_MAX_AGE}. */
    public static final Duration CACHE_MAX_AGE = Duration.ofDays(3650);
    private static final AsciiString ACCEPT_RANGES = AsciiString.cached("Accept-Ranges");
    private static final AsciiString BYTES = AsciiString.cached("bytes");
    private static final AsciiString LAST_MODIFIED = AsciiString.cached("Last-Modified");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_RANGE = AsciiString.cached("Content-Range");
    private static final AsciiString CACHE_CONTROL = AsciiString.cached("Cache-Control");
    private static final AsciiString EXPIRES = AsciiString.cached("Expires");
    private static final String OUTSIDE_ROOT = "path is not in the static root directory";

    private Path root;
    private String defaultFilename;
    private String etag;

    /**
     * The routes {@link Application.Builder#staticPath} adds in front of the others: {@code <prefix>(.*)},
     * {@code /(favicon\.ico)} and {@code /(robots\.txt)}.
     */
    static List<UrlSpec> routes(Path staticPath, String prefix, Map<String, Object> handlerArgs) {
        if (staticPath == null) {
            return List.of();
        }
        Map<String, Object> args = new HashMap<>(handlerArgs);
        args.put("path", staticPath);
        return List.of(
                UrlSpec.of(UrlSpec.quote(prefix) + "(.*)", StaticFileHandler.class, StaticFileHandler::new)
                        .withInitArgs(args),
                UrlSpec.of("/(favicon\\.ico)", StaticFileHandler.class, StaticFileHandler::new).withInitArgs(args),
                UrlSpec.of("/(robots\\.txt)", StaticFileHandler.class, StaticFileHandler::new).withInitArgs(args));
    }

    /**
     * Reads the init arguments {@code path} (required: a {@link Path} or a string) and {@code default_filename}
     * (optional). IOLoop thread.
     *
     * @param kwargs the route's init arguments
     */
    @Override
    protected void initialize(Map<String, Object> kwargs) {
        Object path = kwargs.get("path");
        if (path instanceof Path) {
            root = (Path) path;
        } else if (path instanceof String) {
            root = Path.of((String) path);
        } else {
            throw new IllegalArgumentException("StaticFileHandler needs an init argument 'path' (a Path or a String)");
        }
        defaultFilename = (String) kwargs.get("default_filename");
    }

    /**
     * Serves the file (HEAD runs this too, without the body). IOLoop thread.
     *
     * @param path the route's group: the file's path relative to the folder, percent-decoded
     * @return completed when the response is written
     * @throws IOException when the file system fails in an unexpected way (500)
     */
    public CompletionStage<Void> get(String path) throws IOException {
        Path file = resolve(path);
        if (file == null) {
            return CompletableFuture.completedFuture(null);
        }
        BasicFileAttributes attributes = readAttributes(file);
        long size = attributes.size();
        long modifiedSeconds = attributes.lastModifiedTime().toMillis() / 1000;
        String version = ContentVersions.cached(file, size, attributes.lastModifiedTime().toMillis());
        if (version != null) {
            return serve(file, size, modifiedSeconds, version);
        }
        return runOnExecutor(() -> hash(file)).thenCompose(hash -> serve(file, size, modifiedSeconds, hash));
    }

    /**
     * The quoted SHA-512 of the file being served, the same for the whole file and any range of it. IOLoop thread.
     *
     * @return the tag, or null before the file is known (error pages)
     */
    @Override
    protected String computeEtag() {
        return etag;
    }

    private CompletionStage<Void> serve(Path file, long size, long modifiedSeconds, String version) {
        etag = '"' + version + '"';
        setHeader(ACCEPT_RANGES, BYTES);
        setEtagHeader();
        setHeader(LAST_MODIFIED, HttpDates.format(modifiedSeconds * 1000));
        setHeader(CONTENT_TYPE, ContentTypes.of(file.getFileName().toString()));
        if (!getArguments("v").isEmpty()) {
            setHeader(EXPIRES, HttpDates.format(application().clock().millis() + CACHE_MAX_AGE.toMillis()));
            setHeader(CACHE_CONTROL, "max-age=" + CACHE_MAX_AGE.getSeconds());
        }
        if (notModified(modifiedSeconds)) {
            setStatus(304);
            return finish();
        }
        ByteRange range = ByteRange.of(request().headers().get("Range"), size);
        if (!range.satisfiable()) {
            setStatus(416);
            setHeader(CONTENT_TYPE, "text/plain");
            setHeader(CONTENT_RANGE, range.contentRange(size));
            return finish();
        }
        if (range.partial()) {
            setStatus(206);
            setHeader(CONTENT_RANGE, range.contentRange(size));
        }
        return sendFile(open(file), range.start(), range.length());
    }

    /** Tornado's {@code should_return_304}: If-None-Match decides when present, else If-Modified-Since. */
    private boolean notModified(long modifiedSeconds) {
        if (request().headers().get("If-None-Match") != null) {
            return checkEtagHeader();
        }
        String since = request().headers().get("If-Modified-Since");
        if (since == null) {
            return false;
        }
        Date sinceDate = DateFormatter.parseHttpDate(since);
        return sinceDate != null && Math.floorDiv(sinceDate.getTime(), 1000) >= modifiedSeconds;
    }

    /** The real path of the file to serve; null after redirecting a folder to its trailing-slash URL. */
    private Path resolve(String relative) throws IOException {
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
            throw new HttpError(403, "NUL or backslash in a static path");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new HttpError(404, "static root %s does not exist", root);
        }
        Path candidate;
        try {
            candidate = realRoot.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new HttpError(404);
        }
        if (!candidate.startsWith(realRoot)) {
            throw new HttpError(403, OUTSIDE_ROOT);
        }
        if (defaultFilename != null && Files.isDirectory(candidate)) {
            String requestPath = request().path();
            if (!requestPath.endsWith("/")) {
                if (requestPath.startsWith("//")) {
                    throw new HttpError(403, "cannot redirect path with two initial slashes");
                }
                redirect(requestPath + "/", true);
                return null;
            }
            candidate = candidate.resolve(defaultFilename);
        }
        if (!Files.exists(candidate)) {
            throw new HttpError(404);
        }
        Path real = candidate.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new HttpError(403, OUTSIDE_ROOT);
        }
        if (!Files.isRegularFile(real)) {
            throw new HttpError(403, "path is not a file");
        }
        return real;
    }

    private static BasicFileAttributes readAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new HttpError(404);
        }
    }

    private static String hash(Path file) throws IOException {
        try {
            return ContentVersions.hash(file);
        } catch (NoSuchFileException e) {
            throw new HttpError(404);
        } catch (AccessDeniedException e) {
            throw new HttpError(403, "static file not readable");
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new HttpError(404);
        } catch (AccessDeniedException e) {
            throw new HttpError(403, "static file not readable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
