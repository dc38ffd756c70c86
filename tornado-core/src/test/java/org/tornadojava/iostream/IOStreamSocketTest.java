package org.tornadojava.iostream;

import ch.qos.logback.classic.Level;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.StreamServer;
import org.tornadojava.support.TcpFixture;
import org.tornadojava.tcpclient.ConnectOptions;
import org.tornadojava.tcpclient.TcpClient;

import javax.net.ssl.SSLEngine;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tornadojava.support.TcpFixture.await;

/** {@link IOStream} over real sockets: TLS, switching to TLS, and backpressure in both directions. */
class IOStreamSocketTest {
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.US_ASCII);

    private static TcpFixture tcp;
    private static TcpClient client;
    private static X509Bundle certificate;
    private static SslContext serverTls;
    private static SslContext trustingClientTls;

    @BeforeAll
    static void startLoops() throws Exception {
        tcp = new TcpFixture();
        client = tcp.client();
        certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost").ecp256()
                .setIsCertificateAuthority(true).buildSelfSigned();
        serverTls = SslContextBuilder.forServer(certificate.toTempCertChainPem(), certificate.toTempPrivateKeyPem())
                .build();
        trustingClientTls = SslContextBuilder.forClient().trustManager(certificate.toTempCertChainPem()).build();
    }

    @AfterAll
    static void stopLoops() {
        tcp.close();
    }

    @AfterEach
    void stopServers() {
        tcp.stopServers();
    }

    private static CompletableFuture<Void> echoLine(IOStream stream) {
        return stream.readUntil(NEWLINE).thenCompose(stream::write);
    }

    @Test
    void aTlsServerAndClientExchangeLinesVerifyingTheHostName() throws Exception {
        StreamServer server = tcp.serve(serverTls, (stream, address) -> echoLine(stream));

        IOStream stream = await(client.connect("localhost", server.port(),
                ConnectOptions.DEFAULTS.withTls(trustingClientTls)));
        await(stream.write("secret\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(new String(await(stream.readUntil(NEWLINE)), StandardCharsets.US_ASCII)).isEqualTo("secret\n");
        stream.close();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsWithStreamClosedError() throws Exception {
        StreamServer server = tcp.serve(serverTls, (stream, address) -> echoLine(stream));
        SslContext trustsNothingHere = SslContextBuilder.forClient().build();

        CompletableFuture<IOStream> connected = client.connect("localhost", server.port(),
                ConnectOptions.DEFAULTS.withTls(trustsNothingHere));

        assertThatThrownBy(() -> await(connected)).hasCauseInstanceOf(StreamClosedError.class);
    }

    @Test
    void plainTextOnATlsPortClosesTheStreamWithoutAWarning() throws Exception {
        CompletableFuture<Throwable> readFailure = new CompletableFuture<>();
        StreamServer server = tcp.serve(serverTls, (stream, address) -> stream.readUntil(NEWLINE)
                .whenComplete((line, failure) -> readFailure.complete(failure)));
        try (LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("not a TLS record, just text\n".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes();
            }

            assertThat(await(readFailure)).isInstanceOf(StreamClosedError.class);
            assertThat(logs.messagesAtLeast(Level.INFO)).isEmpty();
        }
    }

    @Test
    void startTlsUpgradesAPlainConnectionAfterAStartTlsLine() throws Exception {
        StreamServer server = tcp.serve(null, (stream, address) -> stream.readUntil(NEWLINE)
                .thenCompose(command -> stream.write("GO\n".getBytes(StandardCharsets.US_ASCII)))
                .thenCompose(written -> stream.startTls(true, serverTls, null))
                .thenCompose(IOStreamSocketTest::echoLine));

        IOStream stream = await(client.connect("127.0.0.1", server.port()));
        await(stream.write("STARTTLS\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(await(stream.readUntil(NEWLINE)), StandardCharsets.US_ASCII)).isEqualTo("GO\n");
        await(stream.startTls(false, trustingClientTls, "localhost"));
        await(stream.write("private\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(new String(await(stream.readUntil(NEWLINE)), StandardCharsets.US_ASCII)).isEqualTo("private\n");
        assertThat(stream.channel().pipeline().names()).anyMatch(name -> name.contains("tls"));
        stream.close();
    }

    @Test
    void aTlsHelloThatArrivedBeforeStartTlsIsHandedToTheHandshake() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        IOStream stream = new IOStream(channel);
        SSLEngine client = trustingClientTls.newEngine(ByteBufAllocator.DEFAULT, "localhost", 443);
        client.beginHandshake();
        ByteBuffer hello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), hello);
        hello.flip();
        channel.writeInbound(Unpooled.wrappedBuffer(Unpooled.copiedBuffer("STARTTLS\n", StandardCharsets.US_ASCII),
                Unpooled.wrappedBuffer(hello)));
        CompletableFuture<byte[]> command = stream.readUntil(NEWLINE);
        channel.runPendingTasks();
        assertThat(command.join()).isEqualTo("STARTTLS\n".getBytes(StandardCharsets.US_ASCII));

        stream.startTls(true, serverTls, null);

        ByteBuf serverHello = channel.readOutbound();
        assertThat(serverHello).isNotNull();
        assertThat(serverHello.getByte(0)).isEqualTo((byte) 22);
        serverHello.release();
        stream.close();
        channel.finishAndReleaseAll();
    }

    @Test
    void aReaderThatDoesNotReadHoldsBackTheWritersFuture() throws Exception {
        int size = 32 * 1024 * 1024;
        CompletableFuture<CompletableFuture<Void>> serverWrite = new CompletableFuture<>();
        StreamServer server = tcp.serve(null, (stream, address) -> {
            CompletableFuture<Void> written = stream.write(Unpooled.wrappedBuffer(new byte[size]));
            serverWrite.complete(written);
            return written;
        });
        IOStream stream = await(client.connect("127.0.0.1", server.port()));
        CompletableFuture<Void> written = await(serverWrite);

        Await.until(() -> !stream.channel().config().isAutoRead());
        Integer buffered = await(CompletableFuture.supplyAsync(stream::bufferedBytes, stream.channel().eventLoop()));
        assertThat(buffered).isLessThan(4 * IOStream.READ_CHUNK_SIZE);
        assertThat(written).isNotDone();

        ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
        long total = 0;
        while (total < size) {
            chunk.clear();
            total += await(stream.readInto(chunk, true));
        }
        await(written);
        assertThat(total).isEqualTo(size);
        stream.close();
    }
}
