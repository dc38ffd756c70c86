package org.tornadojava.support;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.file.Path;

/**
 * An HTTPS test server with a freshly generated self-signed certificate for {@code localhost}, answering
 * {@code GET /} with {@code hello over <protocol>}.
 */
public final class TlsHelloServer implements AutoCloseable {
    private final X509Bundle certificate;
    private final Path certificatePem;
    private final TestServer server;

    /** Answers with the protocol the request arrived over. */
    public static final class Hello extends RequestHandler {
        public void get() {
            write("hello over " + request().protocol());
        }
    }

    private TlsHelloServer() throws Exception {
        certificate = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost").rsa2048()
                .setIsCertificateAuthority(true).buildSelfSigned();
        certificatePem = certificate.toTempCertChainPem().toPath();
        server = TestServer.start(Application.builder().route("/", Hello::new).build(),
                new HttpServerOptions().ssl(certificatePem, certificate.toTempPrivateKeyPem().toPath()));
    }

    /** Generates the certificate and starts the server. */
    public static TlsHelloServer start() throws Exception {
        return new TlsHelloServer();
    }

    public X509Bundle certificate() {
        return certificate;
    }

    public Path certificatePem() {
        return certificatePem;
    }

    public TestServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
