package org.tornadojava.support;

import io.netty.handler.ssl.SslContext;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.tcpserver.TcpServer;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** A {@link TcpServer} whose {@code handleStream} is a lambda, listening on 127.0.0.1 with a free port. */
public final class StreamServer extends TcpServer {
    private final BiFunction<IOStream, InetSocketAddress, CompletionStage<?>> handler;

    private StreamServer(IOLoopGroup loops, SslContext tls,
                         BiFunction<IOStream, InetSocketAddress, CompletionStage<?>> handler) {
        super(loops, tls, IOStream.DEFAULT_MAX_BUFFER_SIZE);
        this.handler = handler;
    }

    /** Starts a plain or (with a context) TLS server on 127.0.0.1 port 0. */
    public static StreamServer start(IOLoopGroup loops, SslContext tls,
                                     BiFunction<IOStream, InetSocketAddress, CompletionStage<?>> handler) {
        StreamServer server = new StreamServer(loops, tls, handler);
        server.listen(0, "127.0.0.1");
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return boundAddresses().get(0).getPort();
    }

    @Override
    protected CompletionStage<?> handleStream(IOStream stream, InetSocketAddress address) {
        return handler.apply(stream, address);
    }
}
