package org.tornadojava.spring.boot.test;

import org.tornadojava.http.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * A small HTTP client for tests, aimed at the running Tornado server on {@code 127.0.0.1}. In a
 * {@code @SpringBootTest} (or a {@link TornadoHandlerTest}, or any test annotated
 * {@link AutoConfigureTornadoTestClient}) whose context runs a Tornado server, the test auto-configuration
 * registers one as a bean, so a test starts the context on a free port and autowires the client:
 *
 * <pre>{@code
 * @SpringBootTest(properties = "tornado.server.port=0")
 * class StoryTests {
 *     @Autowired TornadoTestClient client;
 *
 *     @Test
 *     void storyEchoesItsId() {
 *         assertThat(client.get("/story/42").body()).isEqualTo("You requested story 42");
 *     }
 * }
 * }</pre>
 *
 * Built on the JDK's {@link HttpClient} (HTTP/1.1, no redirects followed, 10 s timeout); thread-safe; calls block
 * the calling thread.
 */
public final class TornadoTestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final IntSupplier port;
    private volatile HttpClient client;

    private TornadoTestClient(IntSupplier port) {
        this.port = port;
    }

    /**
     * A client for a server, reading its port at each request (so it may be created before the server starts).
     *
     * @param server the server
     * @return the client
     */
    public static TornadoTestClient of(HttpServer server) {
        return new TornadoTestClient(server::port);
    }

    /**
     * A client for a fixed port on {@code 127.0.0.1}.
     *
     * @param port the port, e.g. from {@link LocalTornadoPort}
     * @return the client
     */
    public static TornadoTestClient of(int port) {
        return new TornadoTestClient(() -> port);
    }

    /**
     * The port requests go to.
     *
     * @return the server's port
     */
    public int port() {
        return port.getAsInt();
    }

    /**
     * The URI of a path on the server.
     *
     * @param pathAndQuery e.g. {@code /story/1?x=2}
     * @return {@code http://127.0.0.1:PORT/story/1?x=2}
     */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /**
     * Sends {@code GET path}.
     *
     * @param pathAndQuery the path, with an optional query
     * @return the response, body as UTF-8 text
     */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /**
     * Sends a request with a text body.
     *
     * @param method e.g. {@code POST}
     * @param pathAndQuery the path, with an optional query
     * @param contentType the body's content type, e.g. {@code application/x-www-form-urlencoded}
     * @param body the body
     * @return the response, body as UTF-8 text
     */
    public HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends a request built by the caller (its URI should come from {@link #uri(String)}).
     *
     * @param request the request builder
     * @return the response, body as UTF-8 text
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client().send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the response", ex);
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(TIMEOUT).build();
                    client = current;
                }
            }
        }
        return current;
    }
}
