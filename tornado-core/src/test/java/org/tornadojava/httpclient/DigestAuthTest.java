package org.tornadojava.httpclient;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest computation against the worked examples of RFC 2617 (MD5) and RFC 7616 (SHA-256). */
class DigestAuthTest {

    @Test
    void md5WithQopAuthMatchesRfc2617sExample() {
        Map<String, String> challenge = DigestAuth.parseParameters("realm=\"testrealm@host.com\","
                + " qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");

        String authorization = DigestAuth.authorization("Mufasa", "Circle Of Life", "GET", "/dir/index.html",
                challenge, "0a4f113b");

        assertThat(authorization).isEqualTo("Digest username=\"Mufasa\", realm=\"testrealm@host.com\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", algorithm=MD5,"
                + " response=\"6629fae49393a05397450978507c4ef1\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
    }

    @Test
    void sha256MatchesRfc7616sExample() {
        Map<String, String> challenge = DigestAuth.parseParameters("realm=\"http-auth@example.org\", qop=\"auth,"
                + " auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

        String authorization = DigestAuth.authorization("Mufasa", "Circle of Life", "GET", "/dir/index.html",
                challenge, "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        assertThat(authorization).contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"",
                "algorithm=SHA-256");
    }

    @Test
    void quotedValuesMayHoldCommasAndEscapes() {
        assertThat(DigestAuth.parseParameters("realm=\"a, \\\"b\\\"\", nonce=xyz, stale=FALSE"))
                .containsExactly(Map.entry("realm", "a, \"b\""), Map.entry("nonce", "xyz"),
                        Map.entry("stale", "FALSE"));
    }

    @Test
    void anUnsupportedAlgorithmOrQopIsNotAnswered() {
        assertThat(DigestAuth.authorization("u", "p", "GET", "/", DigestAuth.parseParameters(
                "realm=r, nonce=n, algorithm=SHA-512-256"), "c")).isNull();
        assertThat(DigestAuth.authorization("u", "p", "GET", "/", DigestAuth.parseParameters(
                "realm=r, nonce=n, qop=auth-int"), "c")).isNull();
    }
}
