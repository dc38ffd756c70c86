package org.tornadojava.websocket;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.tornadojava.httpclient.HttpConnectionError;
import org.tornadojava.httpclient.HttpRequest;
import org.tornadojava.httpclient.HttpTimeoutError;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Timeout;
import org.tornadojava.ioloop.Transport;

import javax.net.ssl.SSLException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens client WebSockets, Tornado's {@code websocket_connect}, on IOLoops: the TCP connect, for {@code wss://} the
 * TLS handshake, then the WebSocket handshake (with the request's headers and cookies, the offered subprotocols and
 * permessage-deflate when {@link WebSocketClientOptions#compression()} is on), all within the connect timeout.
 *
 * <pre>{@code
 * try (WebSocketClient client = new WebSocketClient()) {
 *     WebSocketClientConnection ws = client.connect("ws://localhost:8888/ws/echo").get();
 *     ws.writeMessage("hello");
 *     String echo = (String) ws.readMessage().get();
 * }
 * }</pre>
 *
 * <h2>Errors</h2>
 * The connect future fails with {@link HttpTimeoutError} when the connect timeout fires, with
 * {@link org.tornadojava.httpclient.HttpClientError} carrying the status when the server answers the handshake
 * with anything but 101, and with {@link HttpConnectionError} when the connection cannot be opened or the answer
 * is not a valid handshake. Once open, a server that breaks the protocol is answered with the RFC close code:
 * 1002 for an invalid frame or close code, 1007 for a text message that is not UTF-8, 1009 for a message larger
 * than {@link WebSocketClientOptions#maxMessageSize()}.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread. A connection lives on the caller's IOLoop when the caller runs on
 * one of this client's loops, otherwise on the next loop of the group; its futures and callbacks complete there.
 * Built on a server's {@link IOLoopGroup} the client starts no thread; otherwise it runs one IOLoop of its own
 * and stops it in {@link #close()}.
 */
public final class WebSocketClient implements AutoCloseable {
    private static final int MAX_HANDSHAKE_RESPONSE = 64 * 1024;

    private final IOLoopGroup loops;
    private final boolean ownsLoops;
    private final DnsAddressResolverGroup resolver;
    private final ChannelGroup channels;
    private final SslContext validating;
    private final SslContext insecure;
    private final Map<Path, SslContext> withCaFile = new ConcurrentHashMap<>();

    /**
     * A client with one IOLoop of its own, stopped by {@link #close()}. Any thread (preferably not an IOLoop: it
     * reads the JDK's trust store).
     */
    public WebSocketClient() {
        this(new IOLoopGroup(1, Transport.AUTO), true);
    }

    /**
     * A client on existing IOLoops, e.g. the server's: no thread is started and {@link #close()} leaves the loops
     * running. Any thread (preferably not an IOLoop: it reads the JDK's trust store).
     *
     * @param loops the loops connections live on
     */
    public WebSocketClient(IOLoopGroup loops) {
        this(loops, false);
    }

    private WebSocketClient(IOLoopGroup loops, boolean ownsLoops) {
        this.loops = loops;
        this.ownsLoops = ownsLoops;
        this.resolver = loops.transport().newDnsResolverGroup();
        this.channels = new DefaultChannelGroup("tornado-websocket-clients", GlobalEventExecutor.INSTANCE);
        this.validating = tlsContext(true, null);
        this.insecure = tlsContext(false, null);
    }

    /**
     * Connects with the default options. Any thread.
     *
     * @param url a {@code ws://} or {@code wss://} URL ({@code http://} and {@code https://} are taken as such)
     * @return completes on the connection's loop with the open connection; see the class documentation for how
     *         it fails
     * @throws IllegalArgumentException when the URL is not an absolute ws, wss, http or https URL with a host
     */
    public CompletableFuture<WebSocketClientConnection> connect(String url) {
        return connect(url, new WebSocketClientOptions());
    }

    /**
     * Connects. Any thread.
     *
     * @param url a {@code ws://} or {@code wss://} URL ({@code http://} and {@code https://} are taken as such)
     * @param options the settings; copied
     * @return completes on the connection's loop with the open connection
     * @throws IllegalArgumentException when the URL is not an absolute ws, wss, http or https URL with a host
     */
    public CompletableFuture<WebSocketClientConnection> connect(String url, WebSocketClientOptions options) {
        return open(parse(url), new DefaultHttpHeaders(), options.copy());
    }

    /**
     * Connects with the URL and headers (cookies, authorization, ...) of an HTTP request, as Tornado's
     * {@code websocket_connect(HTTPRequest)}: its {@code http}/{@code https} URL becomes {@code ws}/{@code wss};
     * its {@code connectTimeout} and {@code validateCert}, when set, win over the options'. Any thread.
     *
     * @param request the request; its method and body are ignored
     * @param options the settings; copied
     * @return completes on the connection's loop with the open connection
     */
    public CompletableFuture<WebSocketClientConnection> connect(HttpRequest request, WebSocketClientOptions options) {
        WebSocketClientOptions settings = options.copy();
        if (request.connectTimeout() != null) {
            settings.connectTimeout(request.connectTimeout());
        }
        if (request.validateCert() != null) {
            settings.validateCert(request.validateCert());
        }
        return open(parse(request.url()), request.headers().copy(), settings);
    }

    /**
     * The loops connections live on. Any thread.
     *
     * @return the group given to the constructor, or the client's own
     */
    public IOLoopGroup loops() {
        return loops;
    }

    /**
     * Closes every connection of this client without a close handshake and stops the client's own loop (loops
     * given to the constructor keep running). Any thread except the client's own loop.
     */
    @Override
    public void close() {
        channels.close();
        resolver.close();
        if (ownsLoops) {
            loops.close();
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket URL '" + url + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String wsScheme = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException("not a ws://, wss://, http:// or https:// URL: " + url);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("WebSocket URL without a host: " + url);
        }
        try {
            return new URI(wsScheme, uri.getRawUserInfo(), uri.getHost(), uri.getPort(), uri.getRawPath(),
                    uri.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid WebSocket URL '" + url + "': " + e.getMessage(), e);
        }
    }

    private CompletableFuture<WebSocketClientConnection> open(URI uri, HttpHeaders headers,
                                                              WebSocketClientOptions options) {
        options.validate();
        boolean tls = "wss".equals(uri.getScheme());
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        SslContext sslContext = tls ? sslContext(options) : null;
        if (!options.subprotocols().isEmpty()) {
            headers.set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, String.join(", ", options.subprotocols()));
        }
        ClientHandshaker handshaker = new ClientHandshaker(uri, headers, options.maxMessageSize(),
                options.compression());
        IOLoop loop = loops.currentOrNext();
        CompletableFuture<WebSocketClientConnection> result = new CompletableFuture<>();
        ChannelFuture connected = new Bootstrap()
                .group(loop.eventLoop())
                .channel(loops.transport().socketChannelClass())
                .resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(options.connectTimeout().toMillis(), Integer.MAX_VALUE))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (sslContext != null) {
                            SslHandler ssl = sslContext.newHandler(channel.alloc(), host, port);
                            ssl.setHandshakeTimeoutMillis(0);
                            pipeline.addLast("tls", ssl);
                        }
                        pipeline.addLast("http", new HttpClientCodec());
                        pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE));
                        if (options.compression()) {
                            pipeline.addLast("wsextensions", new WebSocketClientExtensionHandler(
                                    new PerMessageDeflateClientExtensionHandshaker(6, false, 15, false, false,
                                            options.maxMessageSize())));
                        }
                        pipeline.addLast("handshake", new ClientHandshake(handshaker, options, loop, result));
                    }
                })
                .connect(InetSocketAddress.createUnresolved(host, port));
        Channel channel = connected.channel();
        channels.add(channel);
        Timeout timeout = loop.callLater(options.connectTimeout(), () -> {
            if (result.completeExceptionally(new HttpTimeoutError("Timeout while connecting to " + uri))) {
                channel.close();
            }
        });
        result.whenComplete((connection, error) -> timeout.cancel());
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new HttpConnectionError("cannot connect to " + host + ":" + port + ": "
                        + done.cause(), done.cause()));
            } else if (sslContext != null) {
                channel.pipeline().get(SslHandler.class).handshakeFuture().addListener(handshake -> {
                    if (handshake.isSuccess()) {
                        startHandshake(handshaker, channel, result);
                    } else {
                        result.completeExceptionally(new HttpConnectionError("TLS handshake with " + host + ":"
                                + port + " failed: " + handshake.cause(), handshake.cause()));
                        channel.close();
                    }
                });
            } else {
                startHandshake(handshaker, channel, result);
            }
        });
        return result;
    }

    private static void startHandshake(ClientHandshaker handshaker, Channel channel,
                                       CompletableFuture<WebSocketClientConnection> result) {
        handshaker.handshake(channel).addListener(sent -> {
            if (!sent.isSuccess()) {
                result.completeExceptionally(new HttpConnectionError("cannot send the WebSocket handshake: "
                        + sent.cause(), sent.cause()));
                channel.close();
            }
        });
    }

    private SslContext sslContext(WebSocketClientOptions options) {
        if (!options.validateCert()) {
            return insecure;
        }
        Path caFile = options.caCertificates();
        return caFile == null ? validating : withCaFile.computeIfAbsent(caFile, file -> tlsContext(true, file));
    }

    private static SslContext tlsContext(boolean validateCert, Path caCertificates) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (validateCert) {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (caCertificates != null) {
                    builder.trustManager(caCertificates.toFile());
                }
            } else {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build the WebSocket client's TLS context"
                    + (caCertificates != null ? " with the CA file " + caCertificates : "") + ": " + e.getMessage(),
                    e);
        }
    }
}
