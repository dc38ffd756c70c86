package org.tornadojava.support;

import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;

import java.io.IOException;
import java.time.Duration;

/** An application served on 127.0.0.1 at a free port with its own IOLoops, for black-box tests. */
public final class TestServer implements AutoCloseable {
    private final IOLoopGroup loops;
    private final HttpServer server;

    private TestServer(Application application, HttpServerOptions options, int threads) {
        this.loops = new IOLoopGroup(threads, Transport.AUTO);
        if (options.address().equals("0.0.0.0")) {
            options.address("127.0.0.1");
        }
        this.server = new HttpServer(application, options.port(0), loops);
        server.start();
    }

    public static TestServer start(Application application) {
        return new TestServer(application, new HttpServerOptions(), 2);
    }

    public static TestServer start(Application application, HttpServerOptions options) {
        return new TestServer(application, options, 2);
    }

    /** Serves on {@code threads} IOLoops. */
    public static TestServer start(Application application, HttpServerOptions options, int threads) {
        return new TestServer(application, options, threads);
    }

    public int port() {
        return server.port();
    }

    public IOLoopGroup loops() {
        return loops;
    }

    public HttpServer server() {
        return server;
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
        server.stop(Duration.ofSeconds(5));
        loops.shutdown(Duration.ofSeconds(5));
    }
}
