package org.tornadojava.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.LogText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request's JSON body into a Java type for {@code RequestHandler.getJsonBody}. What the client got wrong
 * becomes a 400 with a one-line reason and one DEBUG line on {@code tornado.general}: a {@code Content-Type} that
 * is not JSON, an empty body, malformed JSON, a value of the wrong type or an unknown property (naming the
 * property's path, e.g. {@code Invalid JSON value at items[2].count}). A type Jackson cannot bind at all is the
 * programmer's mistake and stays an exception (500). Stateless; any thread.
 */
final class JsonBody {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final int MAX_PATH_LENGTH = 80;

    private JsonBody() {
    }

    /**
     * Reads the body as {@code type}. A body spilled to a file is read from it, on the calling thread.
     *
     * @return the value, never null
     * @throws HttpError 400 when the client sent something that is not a {@code type} in JSON
     */
    static <T> T read(HttpServerRequest request, JsonMapper mapper, JavaType type) {
        String contentType = request.headers().get("Content-Type");
        if (contentType != null && !isJson(contentType)) {
            throw reject(request, "Content-Type must be application/json", contentType);
        }
        if (request.bodySize() == 0) {
            throw reject(request, "Empty JSON body", "no body");
        }
        T value;
        try {
            value = request.bodyPath() == null ? mapper.readValue(request.body(), type) : readFile(request, mapper,
                    type);
        } catch (InvalidDefinitionException | JacksonIOException e) {
            throw e;
        } catch (StreamReadException e) {
            throw reject(request, "Malformed JSON body", e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            throw reject(request, "Unknown JSON property " + path(e.getPath()), e.getOriginalMessage());
        } catch (JacksonException e) {
            String where = path(e.getPath());
            throw reject(request, where.isEmpty() ? "Invalid JSON body" : "Invalid JSON value at " + where,
                    e.getOriginalMessage());
        }
        if (value == null) {
            throw reject(request, "Empty JSON body", "null");
        }
        return value;
    }

    private static <T> T readFile(HttpServerRequest request, JsonMapper mapper, JavaType type) {
        try (InputStream in = Files.newInputStream(request.bodyPath())) {
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body from " + request.bodyPath(), e);
        }
    }

    /** {@code application/json}, or any {@code application/...+json} such as {@code application/problem+json}. */
    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** A path such as {@code items[2].name}, cut to a length fit for a status line. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) + "..." : path.toString();
    }

    private static HttpError reject(HttpServerRequest request, String reason, String detail) {
        if (GENERAL_LOG.isDebugEnabled()) {
            GENERAL_LOG.debug("400 {} {} ({}): {} ({})", request.method(), LogText.escape(request.uri()),
                    request.remoteIp(), reason, LogText.escape(detail == null ? "" : detail));
        }
        return new HttpError(400).withReason(reason);
    }
}
