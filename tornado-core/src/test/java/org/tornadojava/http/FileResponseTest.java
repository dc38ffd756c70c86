package org.tornadojava.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.web.Application;
import org.tornadojava.web.StaticFileHandler;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResponseWriter#writeFile} when the pipeline must see the bytes: with a content encoder in the pipeline
 * (as TLS or response compression will put there) a {@code FileRegion} would pass it by unencoded, so the file is
 * sent in chunks through a {@code ChunkedWriteHandler} instead and still arrives intact, compressed or not.
 */
class FileResponseTest {
    private static final byte[] FILE = new byte[700 * 1024 + 17];

    @TempDir
    static Path folder;
    private static IOLoopGroup loops;
    private static Channel serverChannel;
    private static ChannelGroup connections;

    @BeforeAll
    static void start() throws Exception {
        new Random(11).nextBytes(FILE);
        for (int i = 0; i < FILE.length; i += 3) {
            FILE[i] = 'a';
        }
        Files.write(folder.resolve("file.bin"), FILE);
        Application app = Application.builder()
                .route("/files/(.*)", StaticFileHandler::new, Map.of("path", folder))
                .accessLog(false)
                .build();
        loops = new IOLoopGroup(1, Transport.AUTO);
        connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        HttpServerInitializer tornado = new HttpServerInitializer(app, new HttpServerOptions(), loops, connections);
        serverChannel = new ServerBootstrap()
                .group(loops.eventLoopGroup())
                .channel(loops.serverChannelClass())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        tornado.initChannel(channel);
                        channel.pipeline().addAfter("codec", "compressor", new HttpContentCompressor());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    @AfterAll
    static void stop() {
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        loops.shutdown(Duration.ofSeconds(5));
    }

    private static int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Test
    void aFileSentThroughAContentEncoderArrivesIntactUncompressed() throws Exception {
        RawResponse response = RawHttpClient.get(port(), "/files/file.bin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).isNull();
        assertThat(response.body()).isEqualTo(FILE);
    }

    @Test
    void aFileSentThroughAContentEncoderIsCompressedWhole() throws Exception {
        try (RawHttpClient client = new RawHttpClient(port())) {
            String request = "GET /files/file.bin HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n";
            RawResponse gzipped = client.request(request, "GET");
            assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(FILE);
            }
            RawResponse range = client.request("GET /files/file.bin HTTP/1.1\r\nHost: x\r\nRange: bytes=10-19\r\n\r\n",
                    "GET");
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(FILE, 10, 20));
        }
    }
}
