package org.tornadojava.support;

import io.netty.pkitesting.X509Bundle;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

/** TLS client sockets that trust one test certificate, handshake done, for {@link RawHttpClient}. */
public final class TlsClient {
    private TlsClient() {
    }

    /**
     * Connects to 127.0.0.1 and completes the handshake.
     *
     * @param trusted the server's (self-signed) certificate
     * @param port the server's port
     * @param applicationProtocols ALPN protocols to offer, none for no ALPN
     */
    public static SSLSocket connect(X509Bundle trusted, int port, String... applicationProtocols) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(trusted.getCertificatePEM().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        if (applicationProtocols.length > 0) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(applicationProtocols);
            socket.setSSLParameters(parameters);
        }
        socket.startHandshake();
        return socket;
    }
}
