package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.Http2Client;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;
import org.tornadojava.support.TlsClient;
import org.tornadojava.support.TlsHelloServer;
import org.tornadojava.web.Application;

import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;

class Http2TlsTest {
    private static TlsHelloServer tls;

    @BeforeAll
    static void start() throws Exception {
        tls = TlsHelloServer.start();
    }

    @AfterAll
    static void stop() {
        tls.close();
    }

    @Test
    void alpnChoosesH2AndTheHandlerSeesHttps() throws Exception {
        try (Http2Client client = Http2Client.tls(tls.server().port(), tls.certificate())) {
            assertThat(client.applicationProtocol()).isEqualTo("h2");
            Http2Client.Response response = client.get("/");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello over https");
        }
    }

    @Test
    void aClientOfferingH2AndHttp11GetsH2() throws Exception {
        try (SSLSocket socket = TlsClient.connect(tls.certificate(), tls.server().port(), "h2", "http/1.1")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        }
    }

    @Test
    void aClientWithoutAlpnFallsBackToHttp11() throws Exception {
        try (SSLSocket socket = TlsClient.connect(tls.certificate(), tls.server().port());
             RawHttpClient client = new RawHttpClient(socket)) {
            assertThat(client.request("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET").text())
                    .isEqualTo("hello over https");
        }
    }

    @Test
    void http2OffOffersOnlyHttp11() throws Exception {
        HttpServerOptions options = new HttpServerOptions().address("127.0.0.1").port(0)
                .ssl(tls.certificatePem(), tls.certificate().toTempPrivateKeyPem().toPath());
        options.http2().enabled(false);
        try (TestServer server = TestServer.start(Application.builder().route("/", TlsHelloServer.Hello::new).build(),
                options);
             SSLSocket socket = TlsClient.connect(tls.certificate(), server.port(), "h2", "http/1.1")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
        }
    }
}
