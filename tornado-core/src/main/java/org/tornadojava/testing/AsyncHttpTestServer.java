package org.tornadojava.testing;

import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.httpclient.AsyncHttpClient;
import org.tornadojava.httpclient.HttpClientOptions;
import org.tornadojava.httpclient.HttpRequest;
import org.tornadojava.httpclient.HttpResponse;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link Application} served on {@code 127.0.0.1} at a free port on IOLoops of its own, with a client aimed at
 * it: the fixture of Tornado's {@code AsyncHTTPTestCase} ({@code get_app()} is what you pass to
 * {@link #start(Application)}; {@code fetch}, {@code get_url}, {@code get_http_port}, {@code http_client} and
 * {@code websocket_connect} are methods here). Use it directly in a try-with-resources block, or let
 * {@link AsyncHttpTest} start and stop it around each test.
 *
 * <pre>{@code
 * try (AsyncHttpTestServer server = AsyncHttpTestServer.start(HelloWorld.makeApp())) {
 *     assertThat(server.fetch("/").text()).isEqualTo("Hello, world");
 * }
 * }</pre>
 *
 * <p>Thread-safe. The blocking methods ({@link #fetch(String)}, {@link #websocketConnect(String)}) wait up to
 * {@link AsyncTestTimeout#get()} and refuse to run on an IOLoop; in a {@link GenTest} use
 * {@link #fetchAsync(HttpRequest)}.
 */
public final class AsyncHttpTestServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final IOLoopGroup loops;
    private final HttpServer server;
    private final AsyncHttpClient httpClient;
    private final String scheme;
    private volatile HttpClient webSocketClient;

    private AsyncHttpTestServer(Application application, HttpServerOptions options, int ioLoopThreads) {
        this.loops = new IOLoopGroup(ioLoopThreads, Transport.AUTO);
        if (options.address().equals("0.0.0.0")) {
            options.address("127.0.0.1");
        }
        this.scheme = options.sslEnabled() ? "https" : "http";
        this.server = new HttpServer(application, options.port(0), loops);
        try {
            server.start();
        } catch (RuntimeException e) {
            loops.shutdown(STOP_TIMEOUT);
            throw e;
        }
        this.httpClient = new AsyncHttpClient(loops, new HttpClientOptions());
    }

    /**
     * Serves the application on one IOLoop, as Tornado's test case does. Returns once the port is bound. Not on an
     * IOLoop.
     *
     * @param application the application under test
     * @return the running server; close it when done
     */
    public static AsyncHttpTestServer start(Application application) {
        return start(application, new HttpServerOptions(), 1);
    }

    /**
     * Serves the application with server options (Tornado's {@code get_httpserver_options()}) on one IOLoop. The
     * port is always a free one and {@code 0.0.0.0} becomes {@code 127.0.0.1}. Not on an IOLoop.
     *
     * @param application the application under test
     * @param options limits, timeouts, TLS...; its port and a wildcard address are overwritten
     * @return the running server; close it when done
     */
    public static AsyncHttpTestServer start(Application application, HttpServerOptions options) {
        return start(application, options, 1);
    }

    /**
     * Serves the application with server options on {@code ioLoopThreads} IOLoops. Not on an IOLoop.
     *
     * @param application the application under test
     * @param options limits, timeouts, TLS...; its port and a wildcard address are overwritten
     * @param ioLoopThreads number of IOLoops, at least 1
     * @return the running server; close it when done
     * @throws IllegalStateException when the server cannot bind
     */
    public static AsyncHttpTestServer start(Application application, HttpServerOptions options, int ioLoopThreads) {
        if (ioLoopThreads < 1) {
            throw new IllegalArgumentException("ioLoopThreads must be at least 1: " + ioLoopThreads);
        }
        return new AsyncHttpTestServer(application, options, ioLoopThreads);
    }

    /**
     * Binds a server socket to a free port on {@code 127.0.0.1}, Tornado's {@code bind_unused_port()}: the port
     * stays taken until the caller closes the socket (so, unlike a port number alone, nobody else can grab it).
     * Any thread.
     *
     * @return the bound socket; {@link ServerSocket#getLocalPort()} is its port
     * @throws UncheckedIOException when no port can be bound
     */
    public static ServerSocket bindUnusedPort() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a free port on the loopback address", e);
        }
    }

    /**
     * The port the server listens on, Tornado's {@code get_http_port()}. Any thread.
     *
     * @return the bound port
     */
    public int port() {
        return server.port();
    }

    /**
     * An absolute URL on the server, Tornado's {@code get_url(path)}. Any thread.
     *
     * @param path the path, with an optional query, starting with {@code /}
     * @return e.g. {@code http://127.0.0.1:PORT/story/1}
     */
    public String getUrl(String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    /**
     * A request builder aimed at the path, with {@code raiseError(false)} as Tornado's test {@code fetch} has, for
     * {@link #fetch(HttpRequest)}. Any thread.
     *
     * @param path the path, with an optional query
     * @return a GET request builder; set the method, headers and body as needed
     */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.builder(getUrl(path)).raiseError(false);
    }

    /**
     * Sends {@code GET path} and waits for the response, Tornado's {@code self.fetch(path)}: any status is
     * returned, not raised. Not on an IOLoop.
     *
     * @param path the path, with an optional query
     * @return the response
     * @throws AssertionError when no response arrives within {@link AsyncTestTimeout#get()}
     * @throws org.tornadojava.httpclient.HttpConnectionError when the connection fails
     */
    public HttpResponse fetch(String path) {
        return fetch(request(path).build());
    }

    /**
     * Sends the request and waits for the response. Build it with {@link #request(String)} to get every status
     * back; a request built elsewhere keeps its own {@code raiseError}. Not on an IOLoop.
     *
     * @param request the request
     * @return the response
     * @throws AssertionError when no response arrives within {@link AsyncTestTimeout#get()}
     * @throws org.tornadojava.httpclient.HttpClientError when the request raises errors and the status is not 2xx
     */
    public HttpResponse fetch(HttpRequest request) {
        return FutureWaits.await(fetchAsync(request), AsyncTestTimeout.get(), request.toString());
    }

    /**
     * Sends the request without waiting, for a {@link GenTest} running on the IOLoop. Any thread.
     *
     * @param request the request, e.g. from {@link #request(String)}
     * @return the response future, completed on the calling IOLoop when called on one of this server's loops
     */
    public CompletableFuture<HttpResponse> fetchAsync(HttpRequest request) {
        return httpClient.fetch(request);
    }

    /**
     * Opens a WebSocket to the path and waits for the handshake, Tornado's {@code websocket_connect}. Not on an
     * IOLoop.
     *
     * @param path the path, with an optional query
     * @return the open connection; close it when done
     * @throws AssertionError when the handshake does not complete in time
     * @throws java.util.concurrent.CompletionException when the server refuses the handshake
     */
    public TestWebSocket websocketConnect(String path) {
        URI uri = URI.create((scheme.equals("https") ? "wss" : "ws") + "://127.0.0.1:" + port() + path);
        return TestWebSocket.connect(webSocketClient(), uri, AsyncTestTimeout.get());
    }

    /**
     * The client {@link #fetch(String)} uses, on the server's IOLoops, Tornado's {@code self.http_client}. Any
     * thread.
     *
     * @return the client; closed with the server
     */
    public AsyncHttpClient httpClient() {
        return httpClient;
    }

    /**
     * The server's IOLoops, e.g. to run code on one. Any thread.
     *
     * @return the loops
     */
    public IOLoopGroup loops() {
        return loops;
    }

    /**
     * The HTTP server. Any thread.
     *
     * @return the running server
     */
    public HttpServer server() {
        return server;
    }

    /**
     * Closes the client, stops the server (closing every connection) and shuts its IOLoops down, waiting up to five
     * seconds for each. Calling it again does nothing. Not on one of the server's IOLoops.
     */
    @Override
    public void close() {
        httpClient.close();
        server.stop(STOP_TIMEOUT);
        loops.shutdown(STOP_TIMEOUT);
    }

    private HttpClient webSocketClient() {
        HttpClient current = webSocketClient;
        if (current == null) {
            synchronized (this) {
                current = webSocketClient;
                if (current == null) {
                    current = HttpClient.newBuilder().connectTimeout(AsyncTestTimeout.get()).build();
                    webSocketClient = current;
                }
            }
        }
        return current;
    }
}
