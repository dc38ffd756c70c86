package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.http.CidrSet;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Global and per-handler IP whitelists, checked against {@code remoteIp()} (127.0.0.1 in these tests). */
class IpWhitelistTest {
    static final class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }

    static final class Admin extends RequestHandler {
        private static final CidrSet ADMINS = CidrSet.parse("10.0.0.0/8");
        static volatile boolean prepared;

        @Override
        protected CidrSet ipWhitelist() {
            return ADMINS;
        }

        @Override
        protected void prepare() {
            prepared = true;
        }

        public void get() {
            write("admin ok");
        }
    }

    private static Application app(CidrSet global) {
        return Application.builder()
                .ipWhitelist(global)
                .route("/", Hello::new)
                .route("/admin", Admin::new)
                .route(UrlSpec.of("/local", Hello::new)
                        .withInitArgs(Map.of("ip_whitelist", CidrSet.parse(List.of("127.0.0.1/32", "::1/128")))))
                .route(UrlSpec.of("/remote", Hello::new)
                        .withInitArgs(Map.of("ip_whitelist", CidrSet.parse("192.0.2.0/24"))))
                .route(UrlSpec.of("/nobody", Hello::new).withInitArgs(Map.of("ip_whitelist", CidrSet.empty())))
                .build();
    }

    @Test
    void anEmptyGlobalWhitelistAllowsEverybody() throws Exception {
        try (TestServer server = TestServer.start(app(CidrSet.empty()))) {
            assertThat(server.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void aGlobalWhitelistRefusesOtherAddressesBeforeRoutingWithOneLogLine() throws Exception {
        try (TestServer server = TestServer.start(app(CidrSet.parse(List.of("192.0.2.0/24", "2001:db8::/32"))));
             LogCapture logs = LogCapture.of("tornado.general")) {
            RawResponse response = server.get("/");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.text())
                    .isEqualTo("<html><title>403: Forbidden</title><body>403: Forbidden</body></html>");
            assertThat(server.get("/no-such-route").status()).isEqualTo(403);
            logs.await("tornado.general", "403 GET / (127.0.0.1): IP address not in the application's whitelist");
            assertThat(logs.messagesOf("tornado.general")).hasSize(2);
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        }
    }

    @Test
    void aGlobalWhitelistLetsItsNetworksIncludingIpv4MappedFormsIn() throws Exception {
        try (TestServer server = TestServer.start(app(CidrSet.parse("127.0.0.0/8")))) {
            assertThat(server.get("/").status()).isEqualTo(200);
        }
        try (TestServer server = TestServer.start(app(CidrSet.parse("::ffff:127.0.0.0/104")))) {
            assertThat(server.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void aHandlerWhitelistIsCheckedBeforePrepare() throws Exception {
        try (TestServer server = TestServer.start(app(CidrSet.empty()));
             LogCapture logs = LogCapture.of("tornado.general")) {
            Admin.prepared = false;
            assertThat(server.get("/admin").status()).isEqualTo(403);
            assertThat(Admin.prepared).isFalse();
            logs.await("tornado.general", "403 GET /admin (127.0.0.1): IP address not in the handler's whitelist");
        }
    }

    @Test
    void aRouteInitArgumentWhitelistsPerRoute() throws Exception {
        try (TestServer server = TestServer.start(app(CidrSet.empty()))) {
            assertThat(server.get("/local").text()).isEqualTo("hello");
            assertThat(server.get("/remote").status()).isEqualTo(403);
            assertThat(server.get("/nobody").status()).isEqualTo(403);
        }
    }

    @Test
    void anInvalidCidrFailsAtConstructionNamingTheValue() {
        assertThatThrownBy(() -> CidrSet.parse(List.of("10.0.0.0/8", "10.0.0.300/32")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.300/32'");
    }
}
