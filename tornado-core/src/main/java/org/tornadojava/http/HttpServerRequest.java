package org.tornadojava.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the server received it, Tornado's {@code HTTPServerRequest}: method, URI, headers,
 * the whole body and the client's address. The URI and path are kept exactly as sent (not percent-decoded).
 *
 * <p>Immutable once built; any thread may read it. The response is written through {@link #writer()}.
 */
public final class HttpServerRequest {
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String uri;
    private final String path;
    private final String query;
    private final HttpVersion version;
    private final HttpHeaders headers;
    private byte[] body = NO_BODY;
    private Path bodyPath;
    private long bodySize;
    private final String remoteIp;
    private final String protocol;
    private final long startNanos;
    private final ResponseWriter writer;
    private volatile Map<String, List<String>> queryArguments;
    private volatile RequestArguments.Body bodyArguments;
    private String bodyFailure;

    HttpServerRequest(String method, String uri, HttpVersion version, HttpHeaders headers, String remoteIp,
                      String protocol, long startNanos, ResponseWriter writer) {
        this.method = method;
        this.uri = uri;
        int question = uri.indexOf('?');
        this.path = question < 0 ? uri : uri.substring(0, question);
        this.query = question < 0 ? "" : uri.substring(question + 1);
        this.version = version;
        this.headers = headers;
        this.remoteIp = remoteIp;
        this.protocol = protocol;
        this.startNanos = startNanos;
        this.writer = writer;
    }

    /**
     * The method token as sent, e.g. {@code GET}.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The request target as sent, path and query, e.g. {@code /story/1?x=2}.
     *
     * @return the raw URI
     */
    public String uri() {
        return uri;
    }

    /**
     * The part of the URI before {@code ?}, not percent-decoded.
     *
     * @return the raw path
     */
    public String path() {
        return path;
    }

    /**
     * The part of the URI after {@code ?}, empty when there is none.
     *
     * @return the raw query string
     */
    public String query() {
        return query;
    }

    /**
     * The protocol version of the request line.
     *
     * @return HTTP/1.0 or HTTP/1.1
     */
    public HttpVersion version() {
        return version;
    }

    /**
     * The request headers (case-insensitive names). Do not modify them.
     *
     * @return the headers
     */
    public HttpHeaders headers() {
        return headers;
    }

    /**
     * The whole request body, once it arrived (empty before, and for handlers that stream the body). Do not modify
     * the array. A body larger than {@code max-in-memory-body} is in a file ({@link #bodyPath()}): this method then
     * reads the whole file into a new array on every call, on the calling thread; read such a body from
     * {@link #bodyPath()} instead. A {@code multipart/form-data} body larger than {@code max-in-memory-body} is
     * decoded while it arrives and not kept: this method returns an empty array for it, and its fields and files
     * are in {@link #bodyArguments()} and {@link #files()}.
     *
     * @return the body bytes, empty when there was none
     * @throws UncheckedIOException when a spilled body cannot be read
     */
    public byte[] body() {
        if (bodyPath == null) {
            return body;
        }
        try {
            return Files.readAllBytes(bodyPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body from " + bodyPath, e);
        }
    }

    /**
     * The temporary file holding a body larger than {@code max-in-memory-body}; it is deleted when the request ends
     * (response written, failed or connection closed), so move or copy it first to keep it. Any thread.
     *
     * @return the file, or null when the body is in memory, was a large multipart body decoded while it arrived, or
     *     there was none
     */
    public Path bodyPath() {
        return bodyPath;
    }

    /**
     * The length of the aggregated body, in memory, in {@link #bodyPath()}, or of a large multipart body decoded
     * while it arrived. Any thread.
     *
     * @return bytes, 0 when there was none
     */
    public long bodySize() {
        return bodySize;
    }

    void setBody(byte[] body) {
        this.body = body.length == 0 ? NO_BODY : body;
        this.bodySize = body.length;
        this.bodyArguments = null;
    }

    /** A multipart body decoded while it arrived: its fields and files, and its length. */
    void setBody(RequestArguments.Body decoded, long size) {
        this.bodySize = size;
        this.bodyArguments = decoded;
    }

    /** A multipart body the decoder refused while it arrived: asking for its arguments is a 400. */
    void setBody(String failure, long size) {
        this.bodySize = size;
        this.bodyFailure = failure;
    }

    /**
     * All arguments by name, Tornado's {@code request.arguments}: the query string's, then the body's
     * ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}) appended. Decoded (UTF-8,
     * {@code +} as space, blank values kept) on first use only: a body nobody asks arguments of is never decoded.
     * Any thread.
     *
     * @return an unmodifiable map of unmodifiable lists, in the order the names first came
     * @throws InvalidArgumentsException when the query string or the form body cannot be decoded
     */
    public Map<String, List<String>> arguments() {
        return RequestArguments.merge(queryArguments(), bodyArguments());
    }

    /**
     * The query string's arguments by name, Tornado's {@code request.query_arguments}; decoded on first use.
     * Any thread.
     *
     * @return an unmodifiable map of unmodifiable lists
     * @throws InvalidArgumentsException when the query string is not valid UTF-8
     */
    public Map<String, List<String>> queryArguments() {
        Map<String, List<String>> parsed = queryArguments;
        if (parsed == null) {
            parsed = RequestArguments.parseQuery(query);
            queryArguments = parsed;
        }
        return parsed;
    }

    /**
     * The form body's arguments by name, Tornado's {@code request.body_arguments}: urlencoded fields, or the
     * multipart fields that are not files; empty for other content types and before the body arrived. Decoded on
     * first use. Any thread.
     *
     * @return an unmodifiable map of unmodifiable lists
     * @throws InvalidArgumentsException when the form body cannot be decoded
     */
    public Map<String, List<String>> bodyArguments() {
        return parsedBody().arguments();
    }

    /**
     * The files of a {@code multipart/form-data} body by field name, Tornado's {@code request.files}. Decoded on
     * first use. Any thread.
     *
     * @return an unmodifiable map of unmodifiable lists, empty when none
     * @throws InvalidArgumentsException when the multipart body cannot be decoded
     */
    public Map<String, List<UploadedFile>> files() {
        return parsedBody().files();
    }

    private RequestArguments.Body parsedBody() {
        RequestArguments.Body parsed = bodyArguments;
        if (parsed == null && bodyFailure != null) {
            throw new InvalidArgumentsException(bodyFailure);
        }
        if (parsed == null) {
            parsed = RequestArguments.parseBody(this);
            bodyArguments = parsed;
        }
        return parsed;
    }

    void setBody(Path file, long size) {
        this.bodyPath = file;
        this.bodySize = size;
    }

    /**
     * The client's IP address in its usual text form ({@code 127.0.0.1}, {@code ::1}).
     *
     * @return the remote IP
     */
    public String remoteIp() {
        return remoteIp;
    }

    /**
     * The scheme the client used.
     *
     * @return {@code http} or {@code https}
     */
    public String protocol() {
        return protocol;
    }

    /**
     * The {@code Host} header, or {@code 127.0.0.1} when there is none (HTTP/1.0), as Tornado does.
     *
     * @return host and optional port
     */
    public String host() {
        String host = headers.get(HttpHeaderNames.HOST);
        return host == null || host.isEmpty() ? "127.0.0.1" : host;
    }

    /**
     * The host without its port, e.g. {@code example.com} or {@code ::1}.
     *
     * @return the host name, lower-cased as sent
     */
    public String hostName() {
        String host = host();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.substring(0, colon);
    }

    /**
     * The full URL the client asked for, e.g. {@code http://example.com/a?b=1}.
     *
     * @return protocol, host and URI
     */
    public String fullUrl() {
        return protocol + "://" + host() + uri;
    }

    /**
     * Time since the request arrived.
     *
     * @return elapsed time
     */
    public Duration requestTime() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * {@link System#nanoTime()} when the request arrived.
     *
     * @return the start timestamp
     */
    public long startNanos() {
        return startNanos;
    }

    /**
     * The writer for this request's response. Its methods must be called on the connection's IOLoop.
     *
     * @return the response writer
     */
    public ResponseWriter writer() {
        return writer;
    }

    @Override
    public String toString() {
        return "HttpServerRequest(protocol=" + protocol + ", host=" + LogText.escape(host()) + ", method=" + method
                + ", uri=" + LogText.escape(uri)
                + ", version=" + version + ", remote_ip=" + remoteIp + ")";
    }
}
