package org.tornadojava.web;

import org.tornadojava.http.UploadedFile;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.support.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

/**
 * A server for {@link LargeUploadForkTest}, run in its own small JVM: {@code POST /upload} answers
 * {@code name:size:sha256} of each {@code file} part, hashed on the executor. Prints {@code PORT n} once listening
 * and stops when its standard input closes.
 */
public final class UploadServerMain {
    /** The upload route. */
    static final class Upload extends RequestHandler {
        public CompletionStage<Void> post() {
            return runOnExecutor(() -> {
                StringBuilder out = new StringBuilder();
                for (UploadedFile file : getFiles("file")) {
                    out.append(file.filename()).append(':').append(file.size()).append(':').append(sha256(file));
                }
                return out.toString();
            }).thenAccept(this::finish);
        }
    }

    private UploadServerMain() {
    }

    /**
     * Serves until standard input closes.
     *
     * @param args unused
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (TestServer server = TestServer.start(Application.builder().route("/upload", Upload::new).build(),
                new HttpServerOptions().maxBodySize(Integer.MAX_VALUE))) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String sha256(UploadedFile file) {
        MessageDigest digest = MultipartBodies.newSha256();
        try (InputStream in = new DigestInputStream(file.inputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
