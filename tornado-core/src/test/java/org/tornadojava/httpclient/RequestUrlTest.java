package org.tornadojava.httpclient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Splitting URLs into what a request needs, and resolving redirect targets. */
class RequestUrlTest {
    @Test
    void defaultPortsHostHeaderAndTargetComeFromTheUrl() {
        RequestUrl plain = RequestUrl.parse("http://Example.COM/a/b?x=1&y=%20#fragment");
        RequestUrl secure = RequestUrl.parse("https://example.com:8443");

        assertThat(plain.tls()).isFalse();
        assertThat(plain.host()).isEqualTo("example.com");
        assertThat(plain.port()).isEqualTo(80);
        assertThat(plain.hostHeader()).isEqualTo("Example.COM");
        assertThat(plain.target()).isEqualTo("/a/b?x=1&y=%20");
        assertThat(plain.toString()).isEqualTo("http://Example.COM/a/b?x=1&y=%20");
        assertThat(secure.tls()).isTrue();
        assertThat(secure.port()).isEqualTo(8443);
        assertThat(secure.hostHeader()).isEqualTo("example.com:8443");
        assertThat(secure.target()).isEqualTo("/");
        assertThat(RequestUrl.parse("HTTPS://example.com/").port()).isEqualTo(443);
    }

    @Test
    void anIpv6LiteralLosesItsBracketsForConnectingButKeepsThemInTheHostHeader() {
        RequestUrl url = RequestUrl.parse("http://[::1]:8080/x");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url.hostHeader()).isEqualTo("[::1]:8080");
        assertThat(url.address()).isEqualTo("[::1]:8080");
    }

    @Test
    void hostNamesThatJavaUriCallsRegistryBasedAreAccepted() {
        assertThat(RequestUrl.parse("http://my_service:9000/").host()).isEqualTo("my_service");
    }

    @ParameterizedTest
    @CsvSource({
        "http://h/a/b, c, http://h/a/c",
        "http://h/a/b, /c?d=1, http://h/c?d=1",
        "http://h/a/b, ../c, http://h/c",
        "http://h, c, http://h/c",
        "http://h/a, //other:81/x, http://other:81/x",
        "http://h/a, https://secure/, https://secure/",
        "http://h/a?q=1, ?r=2, http://h/a?r=2",
    })
    void aLocationIsResolvedAgainstTheRequestUrl(String base, String location, String expected) {
        assertThat(RequestUrl.parse(base).resolve(location)).hasToString(expected);
    }

    @Test
    void anUnusableLocationResolvesToNull() {
        RequestUrl base = RequestUrl.parse("http://h/a");

        assertThat(base.resolve("ftp://h/file")).isNull();
        assertThat(base.resolve("http://[bad")).isNull();
        assertThat(base.resolve("mailto:x@y")).isNull();
    }

    @Test
    void theOriginIsSchemeHostAndPort() {
        RequestUrl url = RequestUrl.parse("http://h/a");

        assertThat(url.sameOrigin(RequestUrl.parse("http://H:80/b"))).isTrue();
        assertThat(url.sameOrigin(RequestUrl.parse("https://h/a"))).isFalse();
        assertThat(url.sameOrigin(RequestUrl.parse("http://h:8080/a"))).isFalse();
        assertThat(url.sameOrigin(RequestUrl.parse("http://other/a"))).isFalse();
    }

    @Test
    void badUrlsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> RequestUrl.parse("http:///path")).hasMessageContaining("no host");
        assertThatThrownBy(() -> RequestUrl.parse("http://h:99999/")).hasMessageContaining("invalid port");
        assertThatThrownBy(() -> RequestUrl.parse("http://h:x/")).hasMessageContaining("invalid");
        assertThatThrownBy(() -> RequestUrl.parse("example.com/a")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> RequestUrl.parse("http://a b/")).isInstanceOf(IllegalArgumentException.class);
    }
}
