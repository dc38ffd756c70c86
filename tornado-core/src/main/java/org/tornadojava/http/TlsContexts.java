package org.tornadojava.http;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import javax.net.ssl.SSLException;
import java.nio.file.Path;

/**
 * Builds the server's TLS context from PEM files ({@code tornado.server.ssl.*}): Netty's OpenSSL engine when it is
 * available, otherwise the JDK's; ALPN offers {@code h2} (when HTTP/2 is on) and {@code http/1.1}. Stateless;
 * thread-safe.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SslContext forServer(Path certificatePem, Path privateKeyPem, boolean http2) {
        SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        try {
            return SslContextBuilder.forServer(certificatePem.toFile(), privateKeyPem.toFile())
                    .sslProvider(provider)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            http2 ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                                    : new String[] {ApplicationProtocolNames.HTTP_1_1}))
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the TLS certificate " + certificatePem + " and key "
                    + privateKeyPem + ": " + e.getMessage(), e);
        }
    }
}
