package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.support.TlsHelloServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP proxies, against a small Netty proxy started by the test: plain HTTP goes to the proxy with the absolute URL,
 * HTTPS through a {@code CONNECT} tunnel, credentials as {@code Proxy-Authorization: Basic}, and a proxy that
 * refuses the {@code CONNECT} fails the fetch with an {@link HttpClientError} carrying its status.
 */
class ProxyTest {
    private static final String CREDENTIALS = OutgoingRequest.basic("proxy-user", "proxy-secret");
    private static TestServer plain;
    private static TlsHelloServer tls;

    /** Answers with the request target and Host it received, to show what the proxy forwarded. */
    static final class Where extends RequestHandler {
        public void get() {
            write("target " + request().uri() + " host " + request().headers().get("Host") + " proxy-auth "
                    + request().headers().get("Proxy-Authorization"));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        plain = TestServer.start(Application.builder().route("/where", Where::new).build());
        tls = TlsHelloServer.start();
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    private static AsyncHttpClient clientTrustingTheTlsServer() {
        return new AsyncHttpClient(new HttpClientOptions().caCertificates(tls.certificatePem()));
    }

    @Test
    void plainHttpGoesToTheProxyWithTheAbsoluteUrl() throws Exception {
        try (TestProxy proxy = TestProxy.open();
             AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().proxy(proxy.proxy()))) {
            String url = plain.getUrl("/where?x=1");

            HttpResponse response = client.fetch(url).get(10, TimeUnit.SECONDS);

            assertThat(response.text()).isEqualTo("target /where?x=1 host 127.0.0.1:" + plain.port()
                    + " proxy-auth null");
            assertThat(proxy.seen()).containsExactly(new TestProxy.Seen("GET", url, null));
        }
    }

    @Test
    void proxyCredentialsAreSentToTheProxyOnly() throws Exception {
        try (TestProxy proxy = TestProxy.requiring(CREDENTIALS);
             AsyncHttpClient client = new AsyncHttpClient()) {
            HttpResponse response = client.fetch(HttpRequest.builder(plain.getUrl("/where"))
                    .proxy(proxy.proxy().withCredentials("proxy-user", "proxy-secret")).build())
                    .get(10, TimeUnit.SECONDS);

            assertThat(response.text()).endsWith("proxy-auth null");
            assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization).containsExactly(CREDENTIALS);
        }
    }

    @Test
    void aPlainRequestWithoutProxyCredentialsGetsTheProxys407() throws Exception {
        try (TestProxy proxy = TestProxy.requiring(CREDENTIALS);
             AsyncHttpClient client = new AsyncHttpClient()) {
            Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(plain.getUrl("/where"))
                    .proxy(proxy.proxy()).build()));

            assertThat(error).isInstanceOfSatisfying(HttpClientError.class,
                    refused -> assertThat(refused.code()).isEqualTo(407));
        }
    }

    @Test
    void httpsGoesThroughAConnectTunnelAndChecksTheTargetsCertificate() throws Exception {
        int port = tls.server().port();
        try (TestProxy proxy = TestProxy.requiring(CREDENTIALS);
             AsyncHttpClient client = clientTrustingTheTlsServer()) {
            HttpResponse response = client.fetch(HttpRequest.builder("https://localhost:" + port + "/")
                    .proxy(proxy.proxy().withCredentials("proxy-user", "proxy-secret")).build())
                    .get(10, TimeUnit.SECONDS);

            assertThat(response.text()).isEqualTo("hello over https");
            assertThat(proxy.seen()).containsExactly(new TestProxy.Seen("CONNECT", "localhost:" + port,
                    CREDENTIALS));
        }
    }

    @Test
    void aTunnelIsReusedForTheNextRequest() throws Exception {
        int port = tls.server().port();
        try (TestProxy proxy = TestProxy.open();
             AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions()
                     .caCertificates(tls.certificatePem()).proxy(proxy.proxy()))) {
            String url = "https://localhost:" + port + "/";
            client.fetch(url).get(10, TimeUnit.SECONDS);
            client.fetch(url).get(10, TimeUnit.SECONDS);

            assertThat(proxy.seen()).hasSize(1);
        }
    }

    @Test
    void aProxyRefusingConnectFailsTheFetchWithItsStatus() throws Exception {
        int port = tls.server().port();
        try (TestProxy proxy = TestProxy.refusingConnect();
             AsyncHttpClient client = clientTrustingTheTlsServer()) {
            Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder("https://localhost:" + port
                    + "/").proxy(proxy.proxy()).build()));

            assertThat(error).isExactlyInstanceOf(HttpClientError.class)
                    .hasMessage("Proxy 127.0.0.1:" + proxy.port() + " refused CONNECT to localhost:" + port
                            + ": HTTP 403 Forbidden");
            assertThat(((HttpClientError) error).code()).isEqualTo(403);
        }
    }

    @Test
    void missingProxyCredentialsForATunnelGive407() throws Exception {
        try (TestProxy proxy = TestProxy.requiring(CREDENTIALS);
             AsyncHttpClient client = clientTrustingTheTlsServer()) {
            Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder("https://localhost:"
                    + tls.server().port() + "/").proxy(proxy.proxy().withCredentials("proxy-user", "wrong"))
                    .build()));

            assertThat(error).isInstanceOfSatisfying(HttpClientError.class,
                    refused -> assertThat(refused.code()).isEqualTo(407));
        }
    }

    @Test
    void anUnreachableProxyIsAConnectionError() throws Exception {
        int closedPort;
        try (TestProxy gone = TestProxy.open()) {
            closedPort = gone.port();
        }
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder("https://localhost:"
                    + tls.server().port() + "/").proxy(HttpProxy.of("127.0.0.1", closedPort)).build()));

            assertThat(error).isInstanceOf(HttpConnectionError.class)
                    .hasMessageStartingWith("Cannot connect to localhost:" + tls.server().port()
                            + " through proxy 127.0.0.1:" + closedPort + ": ");
        }
    }
}
