package org.tornadojava.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the query and body arguments and uploaded files of a request, Tornado's {@code parse_qs_bytes} and
 * {@code parse_body_arguments}. Query strings and urlencoded bodies keep blank values; multipart bodies go through
 * Netty's decoder, limited to 100 parts as in Tornado. Anything undecodable is an {@link InvalidArgumentsException}.
 * The maps returned are unmodifiable, their lists too. Stateless; any thread.
 */
final class RequestArguments {
    static final int MAX_MULTIPART_PARTS = 100;

    /** The arguments and files of a body. */
    record Body(Map<String, List<String>> arguments, Map<String, List<UploadedFile>> files) {
        static final Body NONE = new Body(Map.of(), Map.of());
    }

    private RequestArguments() {
    }

    /** The arguments of a query string (without the {@code ?}). */
    static Map<String, List<String>> parseQuery(String query) {
        return parseUrlEncoded(query, "query string");
    }

    /** The arguments and files of a request's body, by its {@code Content-Type}; none for other types. */
    static Body parseBody(HttpServerRequest request) {
        String contentType = request.bodySize() == 0 ? null : request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null) {
            return Body.NONE;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String text = new String(request.body(), StandardCharsets.ISO_8859_1);
            return new Body(parseUrlEncoded(text, "body"), Map.of());
        }
        if (type.startsWith("multipart/form-data")) {
            String boundary = boundaryOf(contentType);
            if (boundary == null) {
                throw new InvalidArgumentsException("Invalid multipart/form-data: no boundary");
            }
            if (!endsWithFinalBoundary(request.body(), boundary)) {
                throw new InvalidArgumentsException("Invalid multipart/form-data: no final boundary");
            }
            return parseMultipart(request);
        }
        return Body.NONE;
    }

    /** Tornado's {@code request.arguments}: query values first, then body values, by name. */
    static Map<String, List<String>> merge(Map<String, List<String>> query, Map<String, List<String>> body) {
        if (body.isEmpty()) {
            return query;
        }
        if (query.isEmpty()) {
            return body;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(query);
        body.forEach((name, values) -> merged.merge(name, values, (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        return Collections.unmodifiableMap(merged);
    }

    private static Map<String, List<String>> parseUrlEncoded(String text, String where) {
        if (text.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int equals = text.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                try {
                    String name = PercentCodec.decode(text, start, nameEnd, true);
                    String value = nameEnd == end ? "" : PercentCodec.decode(text, nameEnd + 1, end, true);
                    values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                } catch (CharacterCodingException e) {
                    throw new InvalidArgumentsException("Invalid unicode in " + where);
                }
            }
            start = end + 1;
        }
        return frozen(values);
    }

    /** An unmodifiable copy, keeping the order, with unmodifiable lists. */
    static <T> Map<String, List<T>> frozen(Map<String, List<T>> values) {
        Map<String, List<T>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** The {@code boundary} parameter of a multipart content type, unquoted, or null. */
    static String boundaryOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** Tornado's check: the body holds the closing delimiter {@code --boundary--}. */
    static boolean endsWithFinalBoundary(byte[] body, String boundary) {
        byte[] closing = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = body.length - closing.length; i >= 0; i--) {
            for (int j = 0; j < closing.length; j++) {
                if (body[i + j] != closing[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Body parseMultipart(HttpServerRequest request) {
        Map<String, List<String>> body = new LinkedHashMap<>();
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        DefaultFullHttpRequest copy = new DefaultFullHttpRequest(request.version(), HttpMethod.POST, request.uri(),
                Unpooled.wrappedBuffer(request.body()), request.headers(),
                DefaultHttpHeadersFactory.trailersFactory().newHeaders());
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            // Mixed mode with an unreachable disk threshold: parts stay in memory but the factory tracks them, so
            // the decoder's destroy() also frees a part that failed half-way (memory mode does not track parts).
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(Long.MAX_VALUE), copy,
                    StandardCharsets.UTF_8, MAX_MULTIPART_PARTS, -1);
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload) {
                    FileUpload upload = (FileUpload) data;
                    files.computeIfAbsent(upload.getName(), k -> new ArrayList<>(1))
                            .add(new UploadedFile(upload.getFilename(), upload.getContentType(), upload.get()));
                } else if (data instanceof Attribute) {
                    body.computeIfAbsent(data.getName(), k -> new ArrayList<>(1)).add(((Attribute) data).getValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidArgumentsException("Invalid multipart/form-data: " + e.getMessage());
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            copy.release();
        }
        return new Body(frozen(body), frozen(files));
    }
}
