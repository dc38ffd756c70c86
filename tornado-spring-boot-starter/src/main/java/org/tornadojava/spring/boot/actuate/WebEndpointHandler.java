package org.tornadojava.spring.boot.actuate;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.ProducibleOperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.util.StringUtils;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Serves the actuator's paths (see {@link WebEndpointTable}): finds the endpoint path the request falls on,
 * collects the operation's arguments on the IOLoop (path variables, the query, a JSON body for write operations),
 * invokes the operation on the executor (operations may block: health checks, heap dumps) and writes its result
 * with the content type it produces. The base path itself answers the links page. A path without endpoint is
 * 404, a method the path has no operation for 405, a request the operation rejects 400. Confined to its IOLoop
 * like every handler.
 */
public class WebEndpointHandler extends RequestHandler {
    private WebEndpointTable table;

    /** Created per request by the table's route. */
    public WebEndpointHandler() {
    }

    /**
     * Takes the route's endpoint table. IOLoop thread.
     *
     * @param kwargs the route's init arguments
     */
    @Override
    protected void initialize(Map<String, Object> kwargs) {
        this.table = (WebEndpointTable) kwargs.get(WebEndpointTable.INIT_ARG);
    }

    /**
     * Invokes the path's read operation, or writes the links page. IOLoop thread.
     *
     * @param groups the route's groups (unused: the table matches the path)
     * @return completes once the result is written
     */
    public CompletionStage<Void> get(String... groups) {
        if (table.isLinks(request().path())) {
            writeLinks();
            return CompletableFuture.completedFuture(null);
        }
        return invoke("GET");
    }

    /**
     * Invokes the path's write operation. IOLoop thread.
     *
     * @param groups the route's groups (unused)
     * @return completes once the result is written
     */
    public CompletionStage<Void> post(String... groups) {
        return invoke("POST");
    }

    /**
     * Invokes the path's delete operation. IOLoop thread.
     *
     * @param groups the route's groups (unused)
     * @return completes once the result is written
     */
    public CompletionStage<Void> delete(String... groups) {
        return invoke("DELETE");
    }

    private CompletionStage<Void> invoke(String method) {
        WebEndpointTable.Match match = table.find(request().path());
        if (match == null) {
            throw new HttpError(404);
        }
        WebOperation operation = match.route().operations().get(method);
        if (operation == null) {
            throw new HttpError(405);
        }
        Map<String, Object> arguments = arguments(operation, match);
        List<String> accept = request().headers().getAll("Accept");
        String requestMethod = request().method();
        WebServerNamespace namespace = table.namespace();
        InvocationContext context = new InvocationContext(table.security().securityContext(this), arguments,
                OperationArgumentResolver.of(WebServerNamespace.class, () -> namespace),
                new ProducibleOperationArgumentResolver(() -> accept));
        return runOnExecutor(() -> EndpointResponse.of(operation.invoke(context), requestMethod,
                operation.getRequestPredicate().getProduces(), accept, table.jsonMapper()))
                .handle((response, error) -> {
                    if (error != null) {
                        throw rejected(error);
                    }
                    send(response);
                    return null;
                });
    }

    private Map<String, Object> arguments(WebOperation operation, WebEndpointTable.Match match) {
        Map<String, Object> arguments = new HashMap<>();
        if (!operation.getRequestPredicate().getConsumes().isEmpty() && request().body().length > 0) {
            arguments.putAll(body());
        }
        EndpointRoute route = match.route();
        for (int i = 0; i < route.variables().size(); i++) {
            String name = route.variables().get(i);
            String raw = match.matcher().group(i + 1);
            arguments.put(name, name.equals(route.matchAllVariable()) ? segments(raw) : decode(raw));
        }
        new QueryStringDecoder(request().uri()).parameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                arguments.put(name, values.size() == 1 ? values.get(0) : values);
            }
        });
        return arguments;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body() {
        try {
            Map<String, Object> body = table.jsonMapper().readValue(request().body(), Map.class);
            return body == null ? Map.of() : body;
        } catch (JacksonException ex) {
            throw new HttpError(400);
        }
    }

    private static String[] segments(String rawPath) {
        return Arrays.stream(rawPath.split("/")).filter((segment) -> !segment.isEmpty())
                .map(WebEndpointHandler::decode).toArray(String[]::new);
    }

    private static String decode(String raw) {
        try {
            return StringUtils.uriDecode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw new HttpError(400);
        }
    }

    private static RuntimeException rejected(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof InvalidEndpointRequestException) {
            return new HttpError(400);
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private void send(EndpointResponse response) {
        setStatus(response.status());
        if (response.contentType() != null) {
            setHeader("Content-Type", response.contentType());
        }
        if (response.body() != null) {
            write(response.body());
        }
        finish();
    }

    private void writeLinks() {
        String self = request().protocol() + "://" + request().host() + request().path();
        Object links = OperationResponseBody.of(Map.of("_links",
                new EndpointLinksResolver(table.endpoints()).resolveLinks(self)));
        setHeader("Content-Type", EndpointResponse.negotiate(table.mediaTypes().getProduced(),
                request().headers().getAll("Accept")));
        write(table.jsonMapper().writeValueAsBytes(links));
    }
}
