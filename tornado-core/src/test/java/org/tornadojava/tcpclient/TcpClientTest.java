package org.tornadojava.tcpclient;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.iostream.IOStream;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.netutil.Resolver;
import org.tornadojava.support.StreamServer;
import org.tornadojava.support.TcpFixture;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.support.TcpFixture.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TcpClient} and {@link Resolver} over real sockets. */
class TcpClientTest {
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

    private static TcpFixture tcp;
    private static TcpClient client;

    @BeforeAll
    static void startLoops() {
        tcp = new TcpFixture();
        client = tcp.client();
    }

    @AfterAll
    static void stopLoops() {
        tcp.close();
    }

    @AfterEach
    void stopServers() {
        tcp.stopServers();
    }

    @Test
    void connectCalledOnALoopPutsTheStreamOnThatLoopAndCompletesThere() throws Exception {
        StreamServer server = tcp.serve(null, (stream, address) -> stream.readUntil(NEWLINE)
                .thenCompose(stream::write));
        IOLoop caller = tcp.loops().loops().get(1);
        CompletableFuture<Boolean> completedOnCaller = new CompletableFuture<>();
        CompletableFuture<IOStream> connected = new CompletableFuture<>();

        caller.addCallback(() -> client.connect("127.0.0.1", server.port()).whenComplete((stream, failure) -> {
            completedOnCaller.complete(caller.inLoop());
            if (failure != null) {
                connected.completeExceptionally(failure);
            } else {
                connected.complete(stream);
            }
        }));

        IOStream stream = await(connected);
        assertThat(await(completedOnCaller)).isTrue();
        assertThat(stream.channel().eventLoop()).isSameAs(caller.eventLoop());
        await(stream.write("round trip\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(await(stream.readUntil(NEWLINE)), StandardCharsets.US_ASCII)).isEqualTo("round trip\n");
        stream.close();
    }

    @Test
    void aRefusedConnectionFailsWithConnectException() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        CompletableFuture<IOStream> connected = client.connect("127.0.0.1", closedPort);

        assertThatThrownBy(() -> await(connected)).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aHandshakeThatNeverEndsFailsWithTimeoutAndClosesTheConnection() throws Exception {
        CompletableFuture<IOStream> accepted = new CompletableFuture<>();
        StreamServer server = tcp.serve(null, (stream, address) -> {
            accepted.complete(stream);
            return null;
        });
        ConnectOptions tls = ConnectOptions.DEFAULTS
                .withTls(SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build())
                .withTimeout(Duration.ofMillis(200));

        CompletableFuture<IOStream> connected = client.connect("127.0.0.1", server.port(), tls);

        assertThatThrownBy(() -> await(connected)).hasCauseInstanceOf(TimeoutException.class);
        IOStream serverSide = await(accepted);
        assertThat(await(serverSide.readUntilClose())).isNotEmpty();
    }

    @Test
    void theSourceAddressIsTheOneTheServerSees() throws Exception {
        CompletableFuture<InetSocketAddress> seen = new CompletableFuture<>();
        StreamServer server = tcp.serve(null, (stream, address) -> {
            seen.complete(address);
            return null;
        });

        IOStream stream = await(client.connect("127.0.0.1", server.port(),
                ConnectOptions.DEFAULTS.withSourceAddress(new InetSocketAddress("127.0.0.2", 0))));

        assertThat(await(seen).getAddress().getHostAddress()).isEqualTo("127.0.0.2");
        stream.close();
    }

    @Test
    void setNodelayTurnsNaglesAlgorithmOnAndOff() throws Exception {
        StreamServer server = tcp.serve(null, (stream, address) -> null);
        IOStream stream = await(client.connect("127.0.0.1", server.port()));
        Channel channel = stream.channel();

        stream.setNodelay(false);
        boolean afterOff = await(CompletableFuture.supplyAsync(() -> channel.config().getOption(
                ChannelOption.TCP_NODELAY), channel.eventLoop()));
        stream.setNodelay(true);
        boolean afterOn = await(CompletableFuture.supplyAsync(() -> channel.config().getOption(
                ChannelOption.TCP_NODELAY), channel.eventLoop()));

        assertThat(afterOff).isFalse();
        assertThat(afterOn).isTrue();
        stream.close();
    }

    @Test
    void theResolverFindsLocalhostAndKeepsIpLiterals() throws Exception {
        try (Resolver resolver = new Resolver(tcp.loops())) {
            List<InetSocketAddress> localhost = await(resolver.resolve("localhost", 80));
            List<InetSocketAddress> literal = await(resolver.resolve("127.0.0.7", 81));

            assertThat(localhost).extracting(address -> address.getAddress().isLoopbackAddress()).containsOnly(true);
            assertThat(localhost).extracting(InetSocketAddress::getPort).containsOnly(80);
            assertThat(literal).containsExactly(new InetSocketAddress("127.0.0.7", 81));
        }
    }
}
