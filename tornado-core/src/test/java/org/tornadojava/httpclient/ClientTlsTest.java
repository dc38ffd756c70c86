package org.tornadojava.httpclient;

import io.netty.pkitesting.X509Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.support.TlsHelloServer;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS: the JDK trust store by default, a CA file, host-name verification, validateCert(false) and SNI. */
class ClientTlsTest {
    private static TlsHelloServer tls;
    private static X509Bundle certificate;
    private static Path certificatePem;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tls = TlsHelloServer.start();
        certificate = tls.certificate();
        certificatePem = tls.certificatePem();
        server = tls.server();
    }

    @AfterAll
    static void stop() {
        tls.close();
    }

    private static String url(String host) {
        return "https://" + host + ":" + server.port() + "/";
    }

    private static Throwable failure(AsyncHttpClient client, HttpRequest request) throws Exception {
        return ClientTests.failureOf(client.fetch(request));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            Throwable error = failure(client, HttpRequest.builder(url("localhost")).build());

            assertThat(error).isInstanceOf(HttpConnectionError.class)
                    .hasMessageStartingWith("TLS handshake with localhost:" + server.port() + " failed: ");
            assertThat(error.getCause()).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void validateCertFalseAcceptsAnyCertificate() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            HttpResponse response = client.fetch(HttpRequest.builder(url("127.0.0.1")).validateCert(false).build())
                    .get(10, TimeUnit.SECONDS);

            assertThat(response.text()).isEqualTo("hello over https");
        }
    }

    @Test
    void aTrustedAuthorityAndAMatchingHostNameAreAccepted() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().caCertificates(certificatePem))) {
            assertThat(client.fetch(url("localhost")).get(10, TimeUnit.SECONDS).text())
                    .isEqualTo("hello over https");
        }
    }

    @Test
    void theHostNameIsVerifiedEvenWhenTheCertificateIsTrusted() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().caCertificates(certificatePem))) {
            Throwable error = failure(client, HttpRequest.builder(url("127.0.0.1")).build());

            assertThat(error).isInstanceOf(HttpConnectionError.class).hasMessageStartingWith("TLS handshake with");
            assertThat(rootCause(error)).hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void aConnectionOpenedWithoutValidationIsNeverReusedForAValidatingRequest() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().caCertificates(certificatePem))) {
            client.fetch(HttpRequest.builder(url("127.0.0.1")).validateCert(false).build()).get(10, TimeUnit.SECONDS);

            assertThat(failure(client, HttpRequest.builder(url("127.0.0.1")).build()))
                    .isInstanceOf(HttpConnectionError.class).hasMessageStartingWith("TLS handshake with");
        }
    }

    @Test
    void anUnreadableCaFileFailsWhenTheClientIsCreated() {
        assertThatThrownBy(() -> new AsyncHttpClient(new HttpClientOptions()
                .caCertificates(Path.of("/nonexistent/ca.pem"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/ca.pem");
    }

    @Test
    void sniCarriesTheHostNameButNotAnIpAddress() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(certificate.toKeyManagerFactory().getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, ScriptedServer.LOCALHOST);
             AsyncHttpClient client = new AsyncHttpClient()) {
            CompletableFuture<List<String>> byName = answerOnce(listener);
            client.fetch(HttpRequest.builder("https://localhost:" + listener.getLocalPort() + "/")
                    .validateCert(false).build()).get(10, TimeUnit.SECONDS);
            CompletableFuture<List<String>> byAddress = answerOnce(listener);
            client.fetch(HttpRequest.builder("https://127.0.0.1:" + listener.getLocalPort() + "/")
                    .validateCert(false).build()).get(10, TimeUnit.SECONDS);

            assertThat(byName.get(10, TimeUnit.SECONDS)).containsExactly("localhost");
            assertThat(byAddress.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    /** Serves one connection on a thread: records the SNI names asked for, answers 200 and closes. */
    private static CompletableFuture<List<String>> answerOnce(SSLServerSocket listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.startHandshake();
                List<String> names = ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames().stream()
                        .map(name -> ((SNIHostName) name).getAsciiName()).collect(Collectors.toList());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                while (line != null && !line.isEmpty()) {
                    line = in.readLine();
                }
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return names;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
