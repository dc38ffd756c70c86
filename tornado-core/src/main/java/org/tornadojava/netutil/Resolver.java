package org.tornadojava.netutil;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous host-name resolution on the IOLoops, Tornado's {@code netutil.Resolver}: Netty's DNS resolver
 * ({@code /etc/hosts}, then the name servers of {@code /etc/resolv.conf}), so no thread ever blocks on a lookup.
 * IP literals resolve to themselves. Thread-safe; {@link #close()} when done.
 */
public final class Resolver implements AutoCloseable {
    private final IOLoopGroup loops;
    private final DnsAddressResolverGroup group;

    /**
     * A resolver whose lookups run on the given loops. Any thread.
     *
     * @param loops the loops; their transport chooses the UDP and TCP channel classes for DNS
     */
    public Resolver(IOLoopGroup loops) {
        this.loops = loops;
        this.group = loops.transport().newDnsResolverGroup();
    }

    /**
     * Resolves a host to all its addresses, in the order the resolver prefers (IPv4 first where both exist).
     * Any thread.
     *
     * @param host a host name or IP literal
     * @param port the port to put in each address
     * @return the addresses, completed on the caller's IOLoop when it belongs to this resolver's group, otherwise
     *         on one of the group's loops; failed with {@link UnknownHostException} when the name does not resolve
     */
    public CompletableFuture<List<InetSocketAddress>> resolve(String host, int port) {
        return resolve(host, port, loops.currentOrNext());
    }

    /**
     * Resolves a host on a given loop. Any thread.
     *
     * @param host a host name or IP literal
     * @param port the port to put in each address
     * @param loop a loop of this resolver's group; the future completes on it
     * @return the addresses, as {@link #resolve(String, int)}
     */
    public CompletableFuture<List<InetSocketAddress>> resolve(String host, int port, IOLoop loop) {
        CompletableFuture<List<InetSocketAddress>> resolved = new CompletableFuture<>();
        loop.addCallback(() -> {
            AddressResolver<InetSocketAddress> resolver = group.getResolver(loop.eventLoop());
            resolver.resolveAll(InetSocketAddress.createUnresolved(host, port)).addListener(done -> {
                if (done.isSuccess()) {
                    @SuppressWarnings("unchecked")
                    List<InetSocketAddress> addresses = (List<InetSocketAddress>) done.getNow();
                    resolved.complete(List.copyOf(addresses));
                } else {
                    resolved.completeExceptionally(done.cause());
                }
            });
        });
        return resolved;
    }

    /** Closes the resolvers and their DNS channels. Any thread. */
    @Override
    public void close() {
        group.close();
    }
}
