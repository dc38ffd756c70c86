package org.tornadojava.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XHeadersTest {
    static final class WhoAmI extends RequestHandler {
        public void get() {
            write(request().remoteIp() + " " + request().protocol());
        }
    }

    private static TestServer server(HttpServerOptions options) {
        return TestServer.start(Application.builder().route("/", WhoAmI::new).build(), options);
    }

    private static String ask(TestServer server, String host, String headers) throws Exception {
        try (RawHttpClient client = new RawHttpClient(host, server.port())) {
            return client.request("GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n", "GET").text();
        }
    }

    static Stream<Arguments> fromATrustedProxy() {
        return Stream.of(
                Arguments.of("X-Real-Ip: 4.4.4.4\r\n", "4.4.4.4 http"),
                Arguments.of("X-Forwarded-For: 127.0.0.1, 4.4.4.4\r\n", "4.4.4.4 http"),
                Arguments.of("X-Forwarded-For: 4.4.4.4, 127.0.0.2\r\n", "4.4.4.4 http"),
                Arguments.of("X-Forwarded-For: 5.5.5.5, 4.4.4.4\r\n", "4.4.4.4 http"),
                Arguments.of("X-Real-Ip: 4.4.4.4<script>\r\n", "127.0.0.1 http"),
                Arguments.of("X-Real-Ip: www.google.com\r\n", "127.0.0.1 http"),
                Arguments.of("X-Forwarded-For: 4.4.4.4, evil.example\r\n", "127.0.0.1 http"),
                Arguments.of("X-Real-Ip: 2620:0:1cfe:face:b00c::3\r\n", "2620:0:1cfe:face:b00c::3 http"),
                Arguments.of("X-Real-Ip: [2620:0:d60:ac1a::10]\r\n", "2620:0:d60:ac1a::10 http"),
                Arguments.of("X-Real-Ip: ::ffff:4.4.4.4\r\n", "4.4.4.4 http"),
                Arguments.of("X-Scheme: https\r\n", "127.0.0.1 https"),
                Arguments.of("X-Forwarded-Proto: https\r\n", "127.0.0.1 https"),
                Arguments.of("X-Forwarded-Proto: https , http\r\n", "127.0.0.1 http"),
                Arguments.of("X-Forwarded-Proto: unknown\r\n", "127.0.0.1 http"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromATrustedProxy")
    void headersFromATrustedProxyAreBelieved(String headers, String expected) throws Exception {
        try (TestServer server = server(new HttpServerOptions().xheaders(true))) {
            assertThat(ask(server, "127.0.0.1", headers)).isEqualTo(expected);
        }
    }

    @Test
    void headersFromAClientThatIsNotATrustedProxyChangeNothing() throws Exception {
        try (TestServer server = server(new HttpServerOptions().xheaders(true)
                .trustedProxies(CidrSet.parse("10.0.0.0/8")))) {
            assertThat(ask(server, "127.0.0.1", "X-Real-Ip: 4.4.4.4\r\nX-Forwarded-Proto: https\r\n"))
                    .isEqualTo("127.0.0.1 http");
        }
    }

    @Test
    void headersAreIgnoredWhenXheadersIsOff() throws Exception {
        try (TestServer server = server(new HttpServerOptions())) {
            assertThat(ask(server, "127.0.0.1", "X-Real-Ip: 4.4.4.4\r\n")).isEqualTo("127.0.0.1 http");
        }
    }

    @Test
    void anIpv6TrustedProxyIsBelievedAndItsOwnAddressShowsWithoutHeaders() throws Exception {
        try (TestServer server = server(new HttpServerOptions().address("::1").xheaders(true))) {
            assertThat(ask(server, "::1", "")).isEqualTo("::1 http");
            assertThat(ask(server, "::1", "X-Forwarded-For: 2001:db8::7\r\n")).isEqualTo("2001:db8::7 http");
        }
        try (TestServer server = server(new HttpServerOptions().address("::1").xheaders(true)
                .trustedProxies(CidrSet.parse("127.0.0.0/8")))) {
            assertThat(ask(server, "::1", "X-Real-Ip: 4.4.4.4\r\n")).isEqualTo("::1 http");
        }
    }

    @Test
    void cidrSetsMatchV4V6AndMappedAddressesAndRejectNonLiterals() {
        CidrSet set = CidrSet.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32, ::1");
        assertThat(set.contains("10.200.3.4")).isTrue();
        assertThat(set.contains("11.0.0.1")).isFalse();
        assertThat(set.contains("192.168.1.7")).isTrue();
        assertThat(set.contains("192.168.1.8")).isFalse();
        assertThat(set.contains("::ffff:10.1.1.1")).isTrue();
        assertThat(set.contains("2001:db8:1::5")).isTrue();
        assertThat(set.contains("2001:db9::5")).isFalse();
        assertThat(set.contains("::1")).isTrue();
        assertThat(set.contains("localhost")).isFalse();
        assertThat(CidrSet.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        assertThatThrownBy(() -> CidrSet.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> CidrSet.parse("example.com/8")).hasMessageContaining("example.com/8");
        assertThatThrownBy(() -> CidrSet.parse("10.0.0.0/x")).hasMessageContaining("bad prefix");
    }
}
