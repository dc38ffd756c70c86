package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a {@code multipart/form-data} body larger than {@code max-in-memory-body} while it arrives, so the body
 * itself is never stored: the pieces are gathered into batches of {@value #BATCH} bytes (without copying) and fed to
 * Netty's {@link HttpPostMultipartRequestDecoder}; every file part goes straight into a temporary file of its own
 * ({@link UploadPartFile}, one sequential write per batch, no {@code fsync}), fields up to 64 KiB stay in memory.
 * Memory held: two batches (the one filling, the one decoded last for Tornado's closing-delimiter check) and the
 * decoder's window. A body the decoder refuses is remembered and reported as {@link InvalidArgumentsException} when the
 * handler asks for its arguments; the rest of it is read and dropped. Owns the part files until
 * {@link #handOver()}, then the request's writer deletes them when the request ends. IOLoop thread only.
 */
final class StreamedMultipart {
    /** Bytes gathered before the decoder sees them: one decoder pass and one file write per batch. */
    private static final int BATCH = 256 * 1024;
    /** Fields up to this size stay in memory; larger ones go to a file as the decoder meets them. */
    private static final long FIELD_IN_MEMORY = 64 * 1024;
    /** How far from the end the closing delimiter is looked for. */
    private static final int TAIL = 64 * 1024;

    private final HttpServerRequest request;
    private final String boundary;
    private final Path directory;
    private final List<UploadPartFile> parts = new ArrayList<>(1);
    private HttpPostMultipartRequestDecoder decoder;
    private CompositeByteBuf batch;
    /** The batch decoded last (its own indexes), for the closing-delimiter check. */
    private ByteBuf previous;
    private long size;
    private String failure;

    private StreamedMultipart(HttpServerRequest request, String boundary, Path directory) {
        this.request = request;
        this.boundary = boundary;
        this.directory = directory;
        DefaultHttpDataFactory factory = new PartFileFactory();
        if (directory != null) {
            factory.setBaseDir(directory.toString());
        }
        factory.setDeleteOnExit(false);
        HttpRequest head = new DefaultHttpRequest(request.version(), HttpMethod.POST, request.uri(),
                request.headers());
        try {
            decoder = new HttpPostMultipartRequestDecoder(factory, head, StandardCharsets.UTF_8,
                    RequestArguments.MAX_MULTIPART_PARTS, -1);
            decoder.setDiscardThreshold(BATCH);
        } catch (RuntimeException e) {
            fail(reasonOf(e));
        }
    }

    /**
     * A decoder for {@code request} when its body is {@code multipart/form-data} with a boundary.
     *
     * @param directory the folder of the part files, or null for {@code java.io.tmpdir}
     * @return the decoder, or null for any other body
     */
    static StreamedMultipart of(HttpServerRequest request, Path directory) {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        String boundary = RequestArguments.boundaryOf(contentType);
        return boundary == null ? null : new StreamedMultipart(request, boundary, directory);
    }

    /**
     * Takes the readable bytes of the next piece of body; the caller keeps its reference.
     *
     * @throws UncheckedIOException when a part file cannot be created or written
     */
    void offer(ByteBuf piece) {
        size += piece.readableBytes();
        if (decoder == null) {
            return;
        }
        if (batch == null) {
            batch = piece.alloc().compositeBuffer(BATCH / 1024);
        }
        batch.addComponent(true, piece.retainedSlice());
        if (batch.readableBytes() >= BATCH) {
            CompositeByteBuf full = batch;
            batch = null;
            if (previous != null) {
                previous.release();
            }
            previous = full.retainedDuplicate();
            decode(new DefaultHttpContent(full));
        }
    }

    /**
     * Ends the body: decodes what is left and gives the request its fields and files (or the failure), and the part
     * files to the request's writer. Releases everything else, also when it throws.
     *
     * @throws UncheckedIOException when a part file cannot be written
     */
    void handOver() {
        try {
            if (decoder != null) {
                CompositeByteBuf last = batch;
                batch = null;
                boolean closed = endsWithFinalBoundary(last);
                decode(last == null ? new DefaultLastHttpContent() : new DefaultLastHttpContent(last));
                if (!closed && failure == null) {
                    fail("no final boundary");
                }
            }
            if (failure != null) {
                request.setBody(failure, size);
            } else {
                request.setBody(collect(), size);
            }
        } finally {
            for (UploadPartFile part : parts) {
                part.delete();
                request.writer().deleteOnEnd(part.path());
            }
            parts.clear();
            release();
        }
    }

    /** Frees the decoder, the buffers and every part file (before {@link #handOver()}: deletes them). */
    void release() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
        if (previous != null) {
            previous.release();
            previous = null;
        }
        destroyDecoder();
        for (UploadPartFile part : parts) {
            part.delete();
            BodyFile.deleteQuietly(part.path());
        }
        parts.clear();
    }

    private void decode(HttpContent content) {
        try {
            decoder.offer(content);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            if (e.getCause() instanceof IOException) {
                throw new UncheckedIOException("cannot write an uploaded part", (IOException) e.getCause());
            }
            fail(reasonOf(e));
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(reasonOf(e));
        } finally {
            content.release();
        }
    }

    private static String reasonOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void fail(String reason) {
        failure = "Invalid multipart/form-data: " + reason;
        destroyDecoder();
    }

    private void destroyDecoder() {
        if (decoder != null) {
            HttpPostMultipartRequestDecoder done = decoder;
            decoder = null;
            done.destroy();
        }
    }

    private RequestArguments.Body collect() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof UploadPartFile) {
                    UploadPartFile part = (UploadPartFile) data;
                    files.computeIfAbsent(part.getName(), k -> new ArrayList<>(1)).add(new UploadedFile(
                            part.getFilename(), part.getContentType(), part.path(), part.length()));
                } else if (data instanceof FileUpload) {
                    FileUpload upload = (FileUpload) data;
                    files.computeIfAbsent(upload.getName(), k -> new ArrayList<>(1))
                            .add(new UploadedFile(upload.getFilename(), upload.getContentType(), upload.get()));
                } else if (data instanceof Attribute) {
                    fields.computeIfAbsent(data.getName(), k -> new ArrayList<>(1))
                            .add(((Attribute) data).getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a multipart field", e);
        }
        return new RequestArguments.Body(RequestArguments.frozen(fields), RequestArguments.frozen(files));
    }

    /**
     * Tornado's check: the closing delimiter {@code --boundary--} is in the body's last {@value #TAIL} bytes, taken
     * from the batch decoded last and the final one; leaves their indexes alone.
     */
    private boolean endsWithFinalBoundary(ByteBuf last) {
        int fromLast = last == null ? 0 : Math.min(last.readableBytes(), TAIL);
        int fromPrevious = previous == null ? 0 : Math.min(previous.readableBytes(), TAIL - fromLast);
        byte[] end = new byte[fromPrevious + fromLast];
        if (fromPrevious > 0) {
            previous.getBytes(previous.writerIndex() - fromPrevious, end, 0, fromPrevious);
        }
        if (fromLast > 0) {
            last.getBytes(last.writerIndex() - fromLast, end, fromPrevious, fromLast);
        }
        return RequestArguments.endsWithFinalBoundary(end, boundary);
    }

    /** Netty's factory for fields; every file part becomes an {@link UploadPartFile} in the spill folder. */
    private final class PartFileFactory extends DefaultHttpDataFactory {
        PartFileFactory() {
            super(FIELD_IN_MEMORY, StandardCharsets.UTF_8);
        }

        @Override
        public FileUpload createFileUpload(HttpRequest head, String name, String filename, String contentType,
                                           String contentTransferEncoding, Charset charset, long size) {
            Path path = null;
            try {
                path = directory == null ? Files.createTempFile("tornado-upload-", ".tmp")
                        : Files.createTempFile(directory, "tornado-upload-", ".tmp");
                UploadPartFile part = new UploadPartFile(path, name, filename, contentType, contentTransferEncoding,
                        charset, size);
                parts.add(part);
                return part;
            } catch (IOException e) {
                BodyFile.deleteQuietly(path);
                throw new UncheckedIOException("cannot create a file for an uploaded part", e);
            }
        }
    }
}
