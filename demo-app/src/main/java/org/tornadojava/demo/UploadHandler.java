package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.http.UploadedFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /upload}: stores every {@code file} part of a multipart form in the {@link UploadFolder} and answers
 * the JSON list {@code [{"name":..,"size":..,"sha256":..}]}. Hashing and storing run on the executor (one read
 * of each file). A body above {@code tornado.server.max-in-memory-body} was spilled to disk and its large parts
 * are files already, so memory stays bounded for any upload {@code max-body-size} allows. A file name that is
 * empty, has a path separator, {@code ..} or a control character is a 400, before anything is stored.
 */
@Handler("/upload")
class UploadHandler extends RequestHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final UploadFolder folder;

    UploadHandler(UploadFolder folder) {
        this.folder = folder;
    }

    public CompletionStage<Void> post() {
        List<UploadedFile> files = getFiles("file");
        if (files.isEmpty()) {
            throw new HttpError(400);
        }
        for (UploadedFile file : files) {
            if (!isSafeName(file.filename())) {
                throw new HttpError(400);
            }
        }
        return runOnExecutor(() -> {
            List<Map<String, Object>> stored = new ArrayList<>(files.size());
            for (UploadedFile file : files) {
                stored.add(store(file, folder.path().resolve(file.filename())));
            }
            return JSON.writeValueAsString(stored);
        }).thenAccept(json -> {
            setHeader("Content-Type", "application/json");
            finish(json);
        });
    }

    /** A plain file name: not empty, no {@code /} or {@code \}, no {@code ..}, no control characters. */
    static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stores the upload as {@code target} and hashes it: a file on disk is read once for the hash and then moved
     * (a rename on the same file system), one in memory is hashed and written. Executor thread.
     */
    private static Map<String, Object> store(UploadedFile file, Path target) {
        MessageDigest sha256 = newSha256();
        try {
            if (file.path() != null) {
                try (InputStream in = new DigestInputStream(file.inputStream(), sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                Files.move(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                byte[] body = file.body();
                sha256.update(body);
                Files.write(target, body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target, e);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", file.filename());
        entry.put("size", file.size());
        entry.put("sha256", HexFormat.of().formatHex(sha256.digest()));
        return entry;
    }

    /** A new SHA-256 digest; the JDK always has one. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
