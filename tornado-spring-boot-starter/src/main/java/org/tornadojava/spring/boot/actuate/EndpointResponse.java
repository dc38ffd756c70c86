package org.tornadojava.spring.boot.actuate;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.core.io.Resource;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.tornadojava.web.HttpError;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An actuator operation's result made ready to send: status, content type and body bytes. Built on the executor
 * thread that ran the operation (serializing may be slow), sent on the IOLoop. Immutable.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null for a response without body
 * @param body the body, or null for none
 */
record EndpointResponse(int status, String contentType, byte[] body) {

    /**
     * Converts what an operation returned, as Boot's endpoint mappings do: null is 404 for a read and 204 for a
     * write or delete; a {@link WebEndpointResponse} gives status and, when it has one, the content type; text and
     * bytes are sent as they are, a {@link Resource} as its content, anything else as JSON. Without a content type
     * from the operation, the first type the operation produces that the {@code Accept} header allows is used.
     * Executor thread.
     *
     * @param result the operation's result
     * @param httpMethod the request method
     * @param produces the media types the operation produces, preferred first
     * @param accept the request's {@code Accept} header values
     * @param jsonMapper writes JSON
     * @return the response
     * @throws HttpError 406 when the operation produces nothing the client accepts
     */
    static EndpointResponse of(Object result, String httpMethod, Collection<String> produces, List<String> accept,
                               JsonMapper jsonMapper) {
        if (result == null) {
            return new EndpointResponse(httpMethod.equals("GET") || httpMethod.equals("HEAD") ? 404 : 204, null, null);
        }
        int status = 200;
        Object body = result;
        String contentType = null;
        if (result instanceof WebEndpointResponse<?> response) {
            status = response.getStatus();
            body = response.getBody();
            contentType = response.getContentType() == null ? null : response.getContentType().toString();
        }
        if (body == null) {
            return new EndpointResponse(status, null, null);
        }
        if (contentType == null) {
            contentType = negotiate(produces, accept);
        }
        return new EndpointResponse(status, contentType, bytes(body, jsonMapper));
    }

    private static byte[] bytes(Object body, JsonMapper jsonMapper) {
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof Resource resource) {
            try {
                return resource.getContentAsByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return jsonMapper.writeValueAsBytes(body);
    }

    /**
     * The first produced type the most preferred {@code Accept} range allows (ranges by quality, then in the
     * header's order); the first produced type when the header is absent. Any thread.
     *
     * @param produces the produced types, preferred first
     * @param accept the {@code Accept} header values
     * @return the content type
     * @throws HttpError 406 when no produced type is accepted, 400 for a malformed header
     */
    static String negotiate(Collection<String> produces, List<String> accept) {
        if (produces.isEmpty()) {
            return "application/json";
        }
        if (accept.isEmpty()) {
            return produces.iterator().next();
        }
        List<MimeType> ranges = new ArrayList<>();
        try {
            accept.forEach((value) -> ranges.addAll(MimeTypeUtils.parseMimeTypes(value)));
        } catch (InvalidMimeTypeException ex) {
            throw new HttpError(400);
        }
        ranges.sort(Comparator.comparingDouble(EndpointResponse::quality).reversed());
        for (MimeType range : ranges) {
            if (quality(range) <= 0) {
                break;
            }
            for (String produced : produces) {
                if (range.includes(MimeTypeUtils.parseMimeType(produced))) {
                    return produced;
                }
            }
        }
        throw new HttpError(406);
    }

    private static double quality(MimeType range) {
        String q = range.getParameter("q");
        try {
            return q == null ? 1.0 : Double.parseDouble(q);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
