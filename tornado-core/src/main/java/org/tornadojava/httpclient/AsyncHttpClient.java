package org.tornadojava.httpclient;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking HTTP/1.1 client on IOLoops, Tornado's {@code AsyncHTTPClient}.
 *
 * <pre>{@code
 * AsyncHttpClient client = new AsyncHttpClient(loops, new HttpClientOptions());   // the server's loops
 *
 * class ProxyHandler extends RequestHandler {
 *     public CompletionStage<Void> get() {
 *         return client.fetch("https://example.com/api")
 *                 .thenAccept(response -> write(response.text()));   // runs on this handler's IOLoop
 *     }
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread. When {@code fetch} is called on an IOLoop, the returned future
 * completes on that loop, so code chained on it may use the calling handler directly. Called from another thread,
 * the future completes on one of the client's loops. Built on a server's {@link IOLoopGroup} the client starts no
 * thread of its own; otherwise it starts {@link HttpClientOptions#ioLoopThreads()} loops and stops them in
 * {@link #close()}.
 *
 * <h2>Connections</h2>
 * At most {@code maxClients} requests are in flight at once; more wait in a first-in, first-out queue (the wait
 * counts toward their request timeout). Connections are kept alive and reused per scheme, host and port, on the
 * loop that opened them, until {@code idleConnectionTimeout}. Host names are resolved asynchronously with Netty's
 * DNS resolver ({@code /etc/hosts}, then the name servers of {@code /etc/resolv.conf}). HTTPS uses the JDK's TLS
 * engine with its trust store, SNI and host-name verification.
 *
 * <h2>Errors</h2>
 * The future fails with {@link HttpClientError} for a status outside 200-299 (unless the request says
 * {@code raiseError(false)}), {@link HttpTimeoutError} when a timeout fires and {@link HttpConnectionError} when
 * the connection cannot be opened or breaks; the latter two carry Tornado's code 599.
 */
public final class AsyncHttpClient implements AutoCloseable {
    private final IOLoopGroup loops;
    private final boolean ownsLoops;
    private final ClientContext context;
    private final DnsAddressResolverGroup resolver;
    private final ChannelGroup channels;

    /**
     * A client with Tornado's defaults and one IOLoop of its own. Any thread; like every constructor it reads the
     * trust store, so create clients at startup rather than on an IOLoop.
     */
    public AsyncHttpClient() {
        this(new HttpClientOptions());
    }

    /**
     * A client with its own IOLoops ({@link HttpClientOptions#ioLoopThreads()}, default 1), stopped by
     * {@link #close()}. Any thread (preferably not an IOLoop: it reads the trust store).
     *
     * @param options the settings; copied
     * @throws IllegalStateException when {@code caCertificates} cannot be read
     */
    public AsyncHttpClient(HttpClientOptions options) {
        this(new IOLoopGroup(options.ioLoopThreads(), options.transport()), true, options);
    }

    /**
     * A client on existing IOLoops, e.g. the server's: no thread is started, and {@link #close()} leaves the loops
     * running. Any thread (preferably not an IOLoop: it reads the trust store).
     *
     * @param loops the loops connections live on
     * @param options the settings; copied ({@code ioLoopThreads} and {@code transport} are ignored)
     * @throws IllegalStateException when {@code caCertificates} cannot be read
     */
    public AsyncHttpClient(IOLoopGroup loops, HttpClientOptions options) {
        this(loops, false, options);
    }

    private AsyncHttpClient(IOLoopGroup loops, boolean ownsLoops, HttpClientOptions options) {
        HttpClientOptions settings = options.copy();
        this.loops = loops;
        this.ownsLoops = ownsLoops;
        Transport transport = loops.transport();
        this.resolver = transport.newDnsResolverGroup();
        this.channels = new DefaultChannelGroup("tornado-client-connections", GlobalEventExecutor.INSTANCE);
        ClientTls tls = new ClientTls(settings);
        Connector connector = new Connector(transport.socketChannelClass(), resolver, tls, settings.maxHeaderSize(),
                channels);
        ConnectionPool pool = new ConnectionPool(settings.maxClients(), settings.idleConnectionTimeout());
        this.context = new ClientContext(settings, loops, pool, connector);
    }

    /**
     * Fetches a URL with a GET request and the client's defaults. Any thread.
     *
     * @param url an absolute {@code http://} or {@code https://} URL
     * @return the response future; see the class documentation for the thread it completes on
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL with a host
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<HttpResponse> fetch(String url) {
        return fetch(HttpRequest.builder(url).build());
    }

    /**
     * Sends the request, following redirects, and completes with the final response. Any thread.
     *
     * @param request the request
     * @return the response future: completed on the caller's IOLoop when called on one, otherwise on a loop of
     *         the client; failed with {@link HttpClientError} (non-2xx, unless {@code raiseError(false)}),
     *         {@link HttpTimeoutError} or {@link HttpConnectionError}. Cancelling it aborts the request.
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<HttpResponse> fetch(HttpRequest request) {
        if (context.isClosed()) {
            throw new IllegalStateException("fetch() called on a closed AsyncHttpClient");
        }
        return new Fetch(context, request, IOLoop.currentOrNull()).start();
    }

    /**
     * The loops the client's connections live on. Any thread.
     *
     * @return the group given to the constructor, or the client's own
     */
    public IOLoopGroup loops() {
        return loops;
    }

    /**
     * Closes the client: queued requests fail with {@link IllegalStateException}, requests in flight fail with
     * {@link HttpConnectionError}, idle connections close, and the client's own loops stop (waiting up to 10
     * seconds). Loops given to the constructor keep running. Calling it again does nothing. Any thread, except
     * one of the client's own loops.
     */
    @Override
    public void close() {
        if (!context.markClosed()) {
            return;
        }
        for (Exchange waiting : context.pool().close()) {
            waiting.abort(new IllegalStateException("AsyncHttpClient closed before the request was sent"));
        }
        channels.close();
        resolver.close();
        if (ownsLoops) {
            loops.close();
        }
    }
}
