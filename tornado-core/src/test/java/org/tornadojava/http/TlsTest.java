package org.tornadojava.http;

import ch.qos.logback.classic.Level;
import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.support.TlsClient;
import org.tornadojava.support.TlsHelloServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;

import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsTest {
    private static TlsHelloServer tls;
    private static X509Bundle certificate;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = TlsHelloServer.start();
        certificate = tls.certificate();
        server = tls.server();
    }

    @AfterAll
    static void stop() {
        tls.close();
    }

    private static SSLSocket tlsSocket() throws Exception {
        return TlsClient.connect(certificate, server.port(), "http/1.1");
    }

    @Test
    void aTlsRoundTripWithAGeneratedSelfSignedCertificate() throws Exception {
        try (SSLSocket socket = tlsSocket(); RawHttpClient client = new RawHttpClient(socket)) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
            RawResponse response = client.request("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello over https");
            assertThat(client.request("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET").text())
                    .isEqualTo("hello over https");
        }
    }

    @Test
    void plainHttpOnTheTlsPortIsClosedWithOneInfoLine() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado", "io.netty");
             RawHttpClient client = server.connect()) {
            client.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.isClosedByServer()).isTrue();
            logs.await("tornado.general", "TLS with 127.0.0.1 failed");
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void unreadablePemFilesFailStartWithTheFileName() {
        Application app = Application.builder().build();
        Path missing = Path.of("/nonexistent/cert.pem");
        assertThatThrownBy(() -> TestServer.start(app, new HttpServerOptions().ssl(missing, missing)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/cert.pem");
    }
}
