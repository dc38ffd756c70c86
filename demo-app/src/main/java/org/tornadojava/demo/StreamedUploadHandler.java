package org.tornadojava.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.StreamRequestBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code PUT /upload/(name)}: Tornado's {@code file_receiver.py} PUT side. The raw body streams to a temporary file
 * in the {@link UploadFolder} piece by piece (each write on the executor; reading pauses until it is done), then
 * becomes {@code name}; answers the JSON of {@code POST /upload}, {@code [{"name":..,"size":..,"sha256":..}]}. An
 * unsafe name is a 400 before anything is read. IOLoop thread, blocking file work on the executor.
 */
@Handler("/upload/([^/]+)")
@StreamRequestBody
class StreamedUploadHandler extends RequestHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final UploadFolder folder;
    private final MessageDigest sha256 = UploadHandler.newSha256();
    private long size;
    private Path partial;
    private OutputStream out;
    private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);

    StreamedUploadHandler(UploadFolder folder) {
        this.folder = folder;
    }

    @Override
    protected void prepare() {
        if (!UploadHandler.isSafeName(pathArgs().get(0))) {
            throw new HttpError(400);
        }
        written = runOnExecutor(() -> {
            partial = Files.createTempFile(folder.path(), ".upload-", ".part");
            out = Files.newOutputStream(partial);
            return null;
        });
    }

    @Override
    protected CompletionStage<?> dataReceived(ByteBuf chunk) {
        byte[] piece = ByteBufUtil.getBytes(chunk);
        size += piece.length;
        sha256.update(piece);
        written = written.thenCompose(ignored -> runOnExecutor(() -> {
            out.write(piece);
            return null;
        }));
        return written;
    }

    public CompletionStage<Void> put(String name) {
        return written.thenCompose(ignored -> runOnExecutor(() -> {
            out.close();
            Files.move(partial, folder.path().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("size", size);
            entry.put("sha256", HexFormat.of().formatHex(sha256.digest()));
            return JSON.writeValueAsString(List.of(entry));
        })).thenAccept(json -> {
            setHeader("Content-Type", "application/json");
            finish(json);
        });
    }

    /** Closes and removes what an interrupted or refused upload left behind. */
    @Override
    protected void onFinish() {
        written.whenComplete((ignored, error) -> runOnExecutor(() -> {
            if (out != null) {
                out.close();
            }
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
            return null;
        }));
    }
}
