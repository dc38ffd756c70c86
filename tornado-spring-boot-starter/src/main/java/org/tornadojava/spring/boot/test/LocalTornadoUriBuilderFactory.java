package org.tornadojava.spring.boot.test;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriBuilderFactory;
import org.tornadojava.http.HttpServer;

import java.net.URI;
import java.util.Map;

/**
 * Expands relative URIs against {@code http://127.0.0.1:PORT} of the running Tornado server, reading the port at
 * each use (the clients are created before the server binds). Thread-safe.
 */
final class LocalTornadoUriBuilderFactory implements UriBuilderFactory {
    private final HttpServer server;

    LocalTornadoUriBuilderFactory(HttpServer server) {
        this.server = server;
    }

    @Override
    public UriBuilder uriString(String uriTemplate) {
        return delegate().uriString(uriTemplate);
    }

    @Override
    public UriBuilder builder() {
        return delegate().builder();
    }

    @Override
    public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
        return delegate().expand(uriTemplate, uriVariables);
    }

    @Override
    public URI expand(String uriTemplate, Object... uriVariables) {
        return delegate().expand(uriTemplate, uriVariables);
    }

    private UriBuilderFactory delegate() {
        return new DefaultUriBuilderFactory("http://127.0.0.1:" + server.port());
    }
}
