package org.tornadojava.spring.boot.actuate;

import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.spring.boot.observation.RoutePatternResolver;
import org.tornadojava.web.UrlSpec;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's web endpoints (what a {@link WebEndpointsSupplier} exposes) as paths under the base path, as
 * Boot's WebFlux and Jersey endpoint mappings lay them out: one path per endpoint operation path (its operations
 * grouped by HTTP method), {@code {name}} matching one segment and {@code {*name}} all remaining ones, plus the
 * links page at the base path itself. Tornado serves them all through one route ({@link #route()}) whose
 * {@link WebEndpointHandler} looks the request path up here. The endpoints are discovered by {@link #discover()},
 * called once all beans exist (endpoints may depend on the Tornado server, so discovering them while the server
 * is built would be a cycle). As a {@link RoutePatternResolver} it names the endpoint path a request falls on, so
 * observations are tagged {@code uri="/actuator/health/{*path}"} like Boot's. Thread-safe.
 */
public final class WebEndpointTable implements RoutePatternResolver {
    /** Init-argument key under which the route passes the table to its handler. */
    static final String INIT_ARG = "webEndpointTable";

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\*?)([^}]+)}");

    private final EndpointMapping mapping;
    private final String routeRegex;
    private final WebEndpointsSupplier supplier;
    private final WebServerNamespace namespace;
    private final JsonMapper jsonMapper;
    private final EndpointMediaTypes mediaTypes;
    private final ActuatorSecurity security;
    private volatile Resolved resolved;

    /**
     * Creates the table; the endpoints are discovered later, by {@link #discover()}.
     *
     * @param basePath where the endpoints live, e.g. {@code /actuator}; empty: at the root, without links page
     * @param supplier the web endpoints
     * @param namespace the server the table serves, {@link WebServerNamespace#SERVER} or
     *        {@link WebServerNamespace#MANAGEMENT}
     * @param jsonMapper writes operation results as JSON
     * @param mediaTypes the media types the endpoints produce
     * @param security who is asking, for the endpoints that look ({@link ActuatorSecurity#ANONYMOUS} if none)
     */
    public WebEndpointTable(String basePath, WebEndpointsSupplier supplier, WebServerNamespace namespace,
                            JsonMapper jsonMapper, EndpointMediaTypes mediaTypes, ActuatorSecurity security) {
        this.mapping = new EndpointMapping(basePath);
        this.routeRegex = mapping.getPath().isEmpty() ? "(/.*)" : UrlSpec.quote(mapping.getPath()) + "(/.*)?";
        this.supplier = supplier;
        this.namespace = namespace;
        this.jsonMapper = jsonMapper;
        this.mediaTypes = mediaTypes;
        this.security = security;
    }

    /**
     * The one Tornado route serving the base path and everything under it. Any thread.
     *
     * @return the route
     */
    public UrlSpec route() {
        return UrlSpec.of(routeRegex, WebEndpointHandler::new).withInitArgs(Map.of(INIT_ARG, this));
    }

    /**
     * The endpoint path (Boot's syntax) of a request served by this table's route, the base path for the links
     * page, {@code null} for other routes' requests and paths without endpoint. IOLoop thread.
     *
     * @param routePattern the matched route's pattern
     * @param request the request
     * @return the endpoint path, or null
     */
    @Override
    public String resolve(String routePattern, HttpServerRequest request) {
        if (!routeRegex.equals(routePattern)) {
            return null;
        }
        if (isLinks(request.path())) {
            return mapping.getPath();
        }
        Match match = find(request.path());
        return match == null ? null : match.route().path();
    }

    /**
     * Discovers the endpoints and lays out their paths; later calls do nothing. Called on the thread refreshing
     * the context once all singletons exist, or on the first request.
     */
    public void discover() {
        resolved();
    }

    /**
     * The endpoint paths in matching order with the HTTP methods each answers, then the base path (the links
     * page, GET), e.g. for the mappings endpoint. Any thread.
     *
     * @return the methods of each path as Boot declares it
     */
    public Map<String, List<String>> methodsByPath() {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        resolved().routes.forEach((route) -> paths.put(route.path(), List.copyOf(route.operations().keySet())));
        if (!mapping.getPath().isEmpty()) {
            paths.put(mapping.getPath(), List.of("GET"));
        }
        return paths;
    }

    /**
     * The endpoint path a request path falls on. Any thread.
     *
     * @param rawPath the request path, not percent-decoded
     * @return the route and the matcher holding its variables, or null when no endpoint path matches
     */
    Match find(String rawPath) {
        for (EndpointRoute route : resolved().routes) {
            Matcher matcher = route.pattern().matcher(rawPath);
            if (matcher.matches()) {
                return new Match(route, matcher);
            }
        }
        return null;
    }

    /**
     * Whether a request path is the links page (the base path itself). Any thread.
     *
     * @param rawPath the request path
     * @return true for the base path, with or without a trailing slash
     */
    boolean isLinks(String rawPath) {
        String base = mapping.getPath();
        return !base.isEmpty() && (rawPath.equals(base) || rawPath.equals(base + "/"));
    }

    /** The exposed endpoints, for the links page. Any thread. */
    Collection<ExposableWebEndpoint> endpoints() {
        return resolved().endpoints;
    }

    WebServerNamespace namespace() {
        return namespace;
    }

    ActuatorSecurity security() {
        return security;
    }

    JsonMapper jsonMapper() {
        return jsonMapper;
    }

    EndpointMediaTypes mediaTypes() {
        return mediaTypes;
    }

    private Resolved resolved() {
        Resolved table = resolved;
        if (table == null) {
            synchronized (this) {
                table = resolved;
                if (table == null) {
                    table = layOut(supplier.getEndpoints());
                    resolved = table;
                }
            }
        }
        return table;
    }

    private Resolved layOut(Collection<ExposableWebEndpoint> endpoints) {
        Map<String, Map<String, WebOperation>> byPath = new LinkedHashMap<>();
        for (ExposableWebEndpoint endpoint : endpoints) {
            for (WebOperation operation : endpoint.getOperations()) {
                String path = mapping.createSubPath(operation.getRequestPredicate().getPath());
                byPath.computeIfAbsent(path, (key) -> new LinkedHashMap<>())
                        .putIfAbsent(operation.getRequestPredicate().getHttpMethod().name(), operation);
            }
        }
        List<EndpointRoute> routes = new ArrayList<>(byPath.size());
        byPath.forEach((path, operations) -> routes.add(route(path, operations)));
        return new Resolved(List.copyOf(endpoints), List.copyOf(routes));
    }

    private static EndpointRoute route(String path, Map<String, WebOperation> operations) {
        StringBuilder regex = new StringBuilder();
        List<String> variables = new ArrayList<>();
        String matchAll = null;
        Matcher matcher = VARIABLE.matcher(path);
        int end = 0;
        while (matcher.find()) {
            regex.append(UrlSpec.quote(path.substring(end, matcher.start())));
            boolean all = !matcher.group(1).isEmpty();
            regex.append(all ? "(.+)" : "([^/]+)");
            variables.add(matcher.group(2));
            if (all) {
                matchAll = matcher.group(2);
            }
            end = matcher.end();
        }
        regex.append(UrlSpec.quote(path.substring(end)));
        return new EndpointRoute(path, Pattern.compile(regex.toString()), List.copyOf(variables), matchAll,
                Collections.unmodifiableMap(operations));
    }

    /** The discovered endpoints and their paths in matching order. */
    private record Resolved(List<ExposableWebEndpoint> endpoints, List<EndpointRoute> routes) {
    }

    /**
     * A request path matched to an endpoint path.
     *
     * @param route the endpoint path
     * @param matcher the successful match, holding the variables' raw values
     */
    record Match(EndpointRoute route, Matcher matcher) {
    }
}
