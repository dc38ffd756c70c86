package org.tornadojava.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.httpclient.AsyncHttpClient;
import org.tornadojava.httpclient.BodyProducer;
import org.tornadojava.httpclient.BodyWriter;
import org.tornadojava.httpclient.HttpRequest;
import org.tornadojava.httpclient.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tornado's {@code demos/file_upload/file_uploader.py}: uploads files with {@link AsyncHttpClient}, either all in
 * one multipart {@code POST} (to the demo's {@code POST /upload}) or each as a raw streamed {@code PUT} (to
 * {@code PUT /upload/name}). Both stream the files through a {@link BodyProducer}: a piece is read on an executor
 * thread only once the previous one reached the socket, so a file of any size is never held in memory.
 *
 * <pre>
 * java -Dloader.main=org.tornadojava.demo.FileUploader -cp demo-app/target/demo-app.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [--put] [--url=http://localhost:8888/upload] files...
 * </pre>
 */
public final class FileUploader {
    private static final Logger LOG = LoggerFactory.getLogger(FileUploader.class);
    private static final int PIECE = 64 * 1024;

    private final AsyncHttpClient client;
    private final ExecutorService reader;

    /**
     * An uploader sending through the client; reading files happens on a thread of its own. Any thread.
     *
     * @param client the client
     */
    public FileUploader(AsyncHttpClient client) {
        this.client = client;
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "file-uploader-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Uploads every file in one {@code multipart/form-data} POST, each as a part named {@code file}, Tornado's
     * {@code post(filenames)}. Any thread.
     *
     * @param url where to post, e.g. {@code http://localhost:8888/upload}
     * @param files the files
     * @return the response
     */
    public CompletableFuture<HttpResponse> post(String url, List<Path> files) {
        String boundary = UUID.randomUUID().toString().replace("-", "");
        return client.fetch(HttpRequest.builder(url).method("POST")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .bodyProducer(write -> multipart(boundary, files, 0, write))
                .build());
    }

    /**
     * Uploads each file with a raw {@code PUT} to {@code baseUrl/name}, one after the other, Tornado's
     * {@code put(filenames)}. Any thread.
     *
     * @param baseUrl e.g. {@code http://localhost:8888/upload}
     * @param files the files
     * @return the responses, in order
     */
    public CompletableFuture<List<HttpResponse>> put(String baseUrl, List<Path> files) {
        CompletableFuture<List<HttpResponse>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (Path file : files) {
            String name = file.getFileName().toString();
            all = all.thenCompose(responses -> client.fetch(HttpRequest.builder(baseUrl + "/"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                    .method("PUT")
                    .header("Content-Type", contentType(name))
                    .bodyProducer(write -> copy(file, write))
                    .build()).thenApply(response -> {
                        responses.add(response);
                        return responses;
                    }));
        }
        return all;
    }

    /** Stops the file-reading thread; the client stays open. Any thread. */
    public void shutdown() {
        reader.shutdown();
    }

    private CompletableFuture<Void> multipart(String boundary, List<Path> files, int index, BodyWriter write) {
        if (index == files.size()) {
            return write.write(ascii("--" + boundary + "--\r\n"));
        }
        String name = files.get(index).getFileName().toString().replace("\"", "%22");
        byte[] head = ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name + "\"\r\nContent-Type: " + contentType(name) + "\r\n\r\n");
        return write.write(head)
                .thenCompose(sent -> copy(files.get(index), write))
                .thenCompose(copied -> write.write(ascii("\r\n")))
                .thenCompose(sent -> multipart(boundary, files, index + 1, write));
    }

    /** Sends the file piece by piece: read on the reader thread, written, and the next read once it is sent. */
    private CompletableFuture<Void> copy(Path file, BodyWriter write) {
        return CompletableFuture.supplyAsync(() -> open(file), reader).thenCompose(in -> pump(in, write)
                .whenComplete((done, error) -> reader.execute(() -> closeQuietly(in))));
    }

    private CompletableFuture<Void> pump(InputStream in, BodyWriter write) {
        return CompletableFuture.supplyAsync(() -> read(in), reader).thenCompose(piece -> piece.length == 0
                ? CompletableFuture.completedFuture(null)
                : write.write(piece).thenCompose(sent -> pump(in, write)));
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] read(InputStream in) {
        try {
            return in.readNBytes(PIECE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing an uploaded file failed", e);
        }
    }

    private static String contentType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed != null ? guessed : "application/octet-stream";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Uploads the files named on the command line and logs each response: {@code [--put] [--url=URL] files...}.
     *
     * @param args the options and file names
     */
    public static void main(String[] args) {
        boolean put = false;
        String url = "http://localhost:8888/upload";
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--put")) {
                put = true;
            } else if (arg.startsWith("--url=")) {
                url = arg.substring("--url=".length());
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            LOG.error("Provide a list of filenames to upload.");
            System.exit(1);
        }
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            FileUploader uploader = new FileUploader(client);
            List<HttpResponse> responses = put ? uploader.put(url, files).join() : List.of(uploader.post(url, files)
                    .join());
            responses.forEach(response -> LOG.info("{}: {}", response, response.text()));
            uploader.shutdown();
        }
    }
}
