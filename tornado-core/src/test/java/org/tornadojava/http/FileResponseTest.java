package org.tornadojava.http;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.support.TlsClient;
import org.tornadojava.web.Application;
import org.tornadojava.web.StaticFileHandler;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResponseWriter#writeFile} when the pipeline must see the bytes. With response compression or TLS a
 * {@code FileRegion} would pass by the encoder or the encryption, so the file is sent in chunks through a
 * {@code ChunkedWriteHandler} instead and still arrives intact: compressed, encrypted, or as it is.
 */
class FileResponseTest {
    private static final byte[] FILE = new byte[700 * 1024 + 17];

    @TempDir
    static Path folder;
    private static X509Bundle certificate;
    private static TestServer compressing;
    private static TestServer tls;

    @BeforeAll
    static void start() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < FILE.length; i++) {
            FILE[i] = (byte) ('a' + random.nextInt(26));
        }
        Files.write(folder.resolve("file.txt"), FILE);
        byte[] big = new byte[16 * 1024 * 1024];
        random.nextBytes(big);
        // More than the socket buffers hold, so the chunked writer still has most of it when the next request starts.
        Files.write(folder.resolve("big.txt"), big);
        certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost").rsa2048()
                .setIsCertificateAuthority(true).buildSelfSigned();
        compressing = TestServer.start(app(), new HttpServerOptions().compressResponse(true));
        tls = TestServer.start(app(), new HttpServerOptions().ssl(certificate.toTempCertChainPem().toPath(),
                certificate.toTempPrivateKeyPem().toPath()));
    }

    private static Application app() {
        return Application.builder()
                .route("/files/(.*)", StaticFileHandler::new, Map.of("path", folder))
                .accessLog(false)
                .build();
    }

    @AfterAll
    static void stop() {
        compressing.close();
        tls.close();
    }

    @Test
    void aFileSentThroughTheCompressorIsCompressedWholeAndTheConnectionStaysUsable() throws Exception {
        try (RawHttpClient client = compressing.connect()) {
            RawResponse gzipped = client.request("GET /files/file.txt HTTP/1.1\r\nHost: x\r\n"
                    + "Accept-Encoding: gzip\r\n\r\n", "GET");
            assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(FILE);
            }
            RawResponse range = client.request("GET /files/file.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=10-19\r\n\r\n",
                    "GET");
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(FILE, 10, 20));
        }
    }

    @Test
    void aFileSentThroughTheCompressorWithoutAcceptEncodingArrivesAsItIs() throws Exception {
        RawResponse response = compressing.get("/files/file.txt");
        assertThat(response.header("Content-Encoding")).isNull();
        assertThat(response.body()).isEqualTo(FILE);
    }

    @Test
    void aFileSentOverTlsArrivesIntact() throws Exception {
        try (SSLSocket socket = TlsClient.connect(certificate, tls.port());
             RawHttpClient client = new RawHttpClient(socket)) {
            RawResponse whole = client.request("GET /files/file.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET");
            assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(FILE.length));
            assertThat(whole.body()).isEqualTo(FILE);
            RawResponse head = client.request("HEAD /files/file.txt HTTP/1.1\r\nHost: localhost\r\n\r\n", "HEAD");
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(FILE.length));
            RawResponse range = client.request("GET /files/file.txt HTTP/1.1\r\nHost: localhost\r\n"
                    + "Range: bytes=-5\r\n\r\n", "GET");
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(FILE, FILE.length - 5, FILE.length));
        }
    }

    @Test
    void aSmallResponsePipelinedBehindAFileOverTlsWaitsForTheWholeFile() throws Exception {
        try (SSLSocket socket = TlsClient.connect(certificate, tls.port());
             RawHttpClient client = new RawHttpClient(socket)) {
            client.write("GET /files/big.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /files/missing.txt HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawResponse file = client.read("GET");
            RawResponse missing = client.read("GET");

            assertThat(file.body()).isEqualTo(Files.readAllBytes(folder.resolve("big.txt")));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).contains("404");
        }
    }
}
