package org.tornadojava.support;

import io.netty.handler.ssl.SslContext;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.tcpclient.TcpClient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** Two IOLoops, a {@link TcpClient} on them, and the {@link StreamServer}s a test starts; close when done. */
public final class TcpFixture implements AutoCloseable {
    private final IOLoopGroup loops = new IOLoopGroup(2, Transport.AUTO);
    private final TcpClient client = new TcpClient(loops);
    private final List<StreamServer> servers = new ArrayList<>();

    public IOLoopGroup loops() {
        return loops;
    }

    public TcpClient client() {
        return client;
    }

    /** Starts a plain or (with a context) TLS server on 127.0.0.1, stopped by {@link #stopServers()}. */
    public StreamServer serve(SslContext tls, BiFunction<IOStream, InetSocketAddress, CompletionStage<?>> handler) {
        StreamServer server = StreamServer.start(loops, tls, handler);
        servers.add(server);
        return server;
    }

    /** Stops the servers started so far (streams they accepted stay open until the loops stop). */
    public void stopServers() {
        servers.forEach(StreamServer::stop);
        servers.clear();
    }

    /** Waits at most 10 seconds for the future. */
    public static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stopServers();
        client.close();
        loops.close();
    }
}
