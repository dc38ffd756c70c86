package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code multipart/form-data} body that spilled to a file ({@link HttpServerRequest#bodyPath()}) without
 * loading it: the file is fed to Netty's decoder in 64 KiB pieces, and every part larger than 64 KiB is written by
 * the decoder to a file of its own beside the body, which becomes the {@link UploadedFile#path()} and is deleted
 * when the request ends. Memory stays at one piece, the decoder's window and at most 100 small parts. Runs on the
 * thread that parses the arguments; it reads and writes files (page-cache speed, like Tornado parsing the same body
 * in memory on its loop).
 */
final class SpilledMultipart {
    private static final int PIECE = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to a file as the decoder meets them. */
    private static final long PART_IN_MEMORY = 64 * 1024;
    /** How far from the end the closing delimiter is looked for. */
    private static final int TAIL = 64 * 1024;

    private SpilledMultipart() {
    }

    static RequestArguments.Body parse(HttpServerRequest request, String boundary) {
        Path bodyPath = request.bodyPath();
        Path folder = bodyPath.toAbsolutePath().getParent();
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(PART_IN_MEMORY, StandardCharsets.UTF_8);
        factory.setBaseDir(folder.toString());
        factory.setDeleteOnExit(false);
        HttpRequest head = new DefaultHttpRequest(request.version(), HttpMethod.POST, request.uri(),
                request.headers());
        HttpPostMultipartRequestDecoder decoder = null;
        Map<String, List<String>> body = new LinkedHashMap<>();
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        try (FileChannel in = FileChannel.open(bodyPath)) {
            if (!endsWithFinalBoundary(in, boundary)) {
                throw new InvalidArgumentsException("Invalid multipart/form-data: no final boundary");
            }
            decoder = new HttpPostMultipartRequestDecoder(factory, head, StandardCharsets.UTF_8,
                    RequestArguments.MAX_MULTIPART_PARTS, -1);
            decoder.setDiscardThreshold(4 * PIECE);
            feed(in, decoder);
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload) {
                    FileUpload upload = (FileUpload) data;
                    files.computeIfAbsent(upload.getName(), k -> new ArrayList<>(1))
                            .add(takeOver(upload, folder, request));
                } else if (data instanceof Attribute) {
                    body.computeIfAbsent(data.getName(), k -> new ArrayList<>(1)).add(((Attribute) data).getValue());
                }
            }
        } catch (InvalidArgumentsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidArgumentsException("Invalid multipart/form-data: " + e.getMessage());
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
        }
        return new RequestArguments.Body(RequestArguments.frozen(body), RequestArguments.frozen(files));
    }

    private static void feed(FileChannel in, HttpPostMultipartRequestDecoder decoder) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate(PIECE);
        while (in.read(piece) >= 0) {
            piece.flip();
            ByteBuf wrapped = Unpooled.wrappedBuffer(piece);
            try {
                decoder.offer(new DefaultHttpContent(wrapped));
            } finally {
                wrapped.release();
            }
            piece.clear();
        }
        decoder.offer(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /**
     * An uploaded file as the handler sees it: a small one copied into memory, a large one renamed to a file of the
     * request's (the decoder's {@code destroy} then leaves it alone), deleted when the request ends.
     */
    private static UploadedFile takeOver(FileUpload upload, Path folder, HttpServerRequest request)
            throws IOException {
        if (upload.isInMemory()) {
            return new UploadedFile(upload.getFilename(), upload.getContentType(), upload.get());
        }
        Path kept = Files.createTempFile(folder, "tornado-upload-", ".tmp");
        request.writer().deleteOnEnd(kept);
        if (!upload.renameTo(kept.toFile())) {
            throw new IOException("cannot move the uploaded part " + upload.getFilename() + " to " + kept);
        }
        return new UploadedFile(upload.getFilename(), upload.getContentType(), kept, upload.length());
    }

    /** Tornado's check on the body's last 64 KiB: they hold the closing delimiter {@code --boundary--}. */
    private static boolean endsWithFinalBoundary(FileChannel in, String boundary) throws IOException {
        long start = Math.max(0, in.size() - TAIL);
        ByteBuffer tail = ByteBuffer.allocate((int) (in.size() - start));
        int read = 0;
        while (tail.hasRemaining() && read >= 0) {
            read = in.read(tail, start + tail.position());
        }
        return RequestArguments.endsWithFinalBoundary(tail.array(), boundary);
    }
}
