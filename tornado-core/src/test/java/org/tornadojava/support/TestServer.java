package org.tornadojava.support;

import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.testing.AsyncHttpTestServer;
import org.tornadojava.web.Application;

import java.io.IOException;

/**
 * The public {@link AsyncHttpTestServer} (two IOLoops by default) plus this project's byte-level client, for tests
 * that must decide every byte sent: {@link #get}, {@link #send} and {@link #connect} go through
 * {@link RawHttpClient}; everything else is the public fixture's.
 */
public final class TestServer implements AutoCloseable {
    private final AsyncHttpTestServer server;

    private TestServer(AsyncHttpTestServer server) {
        this.server = server;
    }

    public static TestServer start(Application application) {
        return start(application, new HttpServerOptions());
    }

    public static TestServer start(Application application, HttpServerOptions options) {
        return start(application, options, 2);
    }

    /** Serves on {@code threads} IOLoops. */
    public static TestServer start(Application application, HttpServerOptions options, int threads) {
        return new TestServer(AsyncHttpTestServer.start(application, options, threads));
    }

    /** The public fixture this wraps: fetch, getUrl, websocketConnect. */
    public AsyncHttpTestServer fixture() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** An absolute URL on the server, e.g. {@code http://127.0.0.1:PORT/path}. */
    public String getUrl(String path) {
        return server.getUrl(path);
    }

    public IOLoopGroup loops() {
        return server.loops();
    }

    public HttpServer server() {
        return server.server();
    }

    public RawResponse get(String path) throws IOException {
        return RawHttpClient.get(port(), path);
    }

    public RawResponse send(String method, String path, String extraHeaders, byte[] body) throws IOException {
        return RawHttpClient.send(port(), method, path, extraHeaders, body);
    }

    public RawHttpClient connect() throws IOException {
        return new RawHttpClient(port());
    }

    @Override
    public void close() {
        server.close();
    }
}
