package org.tornadojava.httpclient;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.NetUtil;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.nio.file.Path;
import java.util.List;

/**
 * TLS for client connections with the JDK's engine: by default the JDK trust store (or the configured CA file)
 * and host-name verification; for {@code validateCert(false)} a context that accepts any certificate. Both present
 * the client certificate, when one is configured, to servers that ask for it. Sends SNI for host names (not for IP
 * addresses). Both contexts are built when the client is created, so reading the trust store and the key files
 * never blocks an IOLoop. Immutable; thread-safe.
 */
final class ClientTls {
    private final SslContext validating;
    private final SslContext insecure;

    /**
     * Builds the contexts. On the thread creating the client.
     *
     * @param options the client's settings: CA file, client certificate and key
     * @throws IllegalStateException when a file cannot be read
     */
    ClientTls(HttpClientOptions options) {
        this.validating = build(true, options);
        this.insecure = build(false, options);
    }

    /**
     * A handler for a new connection. Any thread; usually the connection's loop.
     *
     * @param alloc the channel's allocator
     * @param host the host name or IP address connected to
     * @param port the port
     * @param validateCert whether to check the certificate chain and the host name
     * @return the handler, its handshake not yet started
     */
    SslHandler newHandler(ByteBufAllocator alloc, String host, int port, boolean validateCert) {
        SslHandler handler = (validateCert ? validating : insecure).newHandler(alloc, host, port);
        handler.setHandshakeTimeoutMillis(0);
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
                engine.setSSLParameters(parameters);
            } catch (IllegalArgumentException e) {
                // not a name SNI can carry (e.g. a trailing dot): connect without SNI, as the JDK does
            }
        }
        return handler;
    }

    private static SslContext build(boolean validateCert, HttpClientOptions options) {
        Path caCertificates = options.caCertificates();
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (options.clientCertificate() != null) {
                builder.keyManager(options.clientCertificate().toFile(), options.clientKey().toFile());
            }
            if (!validateCert) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
                if (caCertificates != null) {
                    builder.trustManager(caCertificates.toFile());
                }
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build the client TLS context"
                    + (caCertificates != null ? " with the CA file " + caCertificates : "")
                    + (options.clientCertificate() != null ? " with the client certificate "
                    + options.clientCertificate() + " and key " + options.clientKey() : "")
                    + ": " + e.getMessage(), e);
        }
    }
}
