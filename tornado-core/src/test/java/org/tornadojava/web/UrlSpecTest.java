package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlSpecTest {
    static final class Dummy extends RequestHandler {
    }

    @Test
    void matchIsAnchoredAtBothEndsAndReturnsRawGroups() {
        UrlSpec spec = UrlSpec.of("/story/([0-9]+)", Dummy::new);
        assertThat(spec.match("/story/42")).containsExactly("42");
        assertThat(spec.match("/story/42/more")).isNull();
        assertThat(spec.match("/x/story/42")).isNull();
        assertThat(spec.groupCount()).isEqualTo(1);
    }

    @Test
    void quoteMakesARegexMatchingExactlyThePathAndKeepsPlainPathsLiteral() {
        assertThat(UrlSpec.quote("/actuator/health")).isEqualTo("/actuator/health");
        assertThat(UrlSpec.of(UrlSpec.quote("/actuator/health"), Dummy::new).isLiteral()).isTrue();
        UrlSpec dotted = UrlSpec.of(UrlSpec.quote("/a.b/(x)+"), Dummy::new);
        assertThat(dotted.match("/a.b/(x)+")).isNotNull();
        assertThat(dotted.match("/aXb/xx")).isNull();
    }

    @Test
    void literalPathsAreRecognised() {
        assertThat(UrlSpec.of("/plaintext", Dummy::new).literalPath()).isEqualTo("/plaintext");
        assertThat(UrlSpec.of("^/a/b$", Dummy::new).literalPath()).isEqualTo("/a/b");
        assertThat(UrlSpec.of("/a.b", Dummy::new).literalPath()).isNull();
    }

    @Test
    void isLiteralTellsPlainPathsFromRegexes() {
        assertThat(UrlSpec.of("/plaintext", Dummy::new).isLiteral()).isTrue();
        assertThat(UrlSpec.of("^/a/b$", Dummy::new).isLiteral()).isTrue();
        assertThat(UrlSpec.of("/story/([0-9]+)", Dummy::new).isLiteral()).isFalse();
    }

    @Test
    void reverseFillsGroupsWithPercentEncodedValues() {
        assertThat(UrlSpec.of("/story/([0-9]+)", Dummy::new).reverse(42)).isEqualTo("/story/42");
        assertThat(UrlSpec.of("/a/(.*)/b/(.*)", Dummy::new).reverse("x y", "é/z")).isEqualTo("/a/x%20y/b/%C3%A9/z");
        assertThat(UrlSpec.of("/file\\.txt", Dummy::new).reverse()).isEqualTo("/file.txt");
    }

    @Test
    void reverseRefusesComplexPatternsAndWrongArgumentCounts() {
        assertThatThrownBy(() -> UrlSpec.of("/a/((x)|y)", Dummy::new).reverse("x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complex");
        assertThatThrownBy(() -> UrlSpec.of("/a/\\d+", Dummy::new).reverse())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlSpec.of("/story/([0-9]+)", Dummy::new).reverse())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 1 arguments");
    }

    @Test
    void routerKeepsDeclarationOrderEvenForLiteralPaths() {
        UrlSpec regexFirst = UrlSpec.of("/items/(.*)", Dummy::new);
        UrlSpec literalSecond = UrlSpec.of("/items/special", Dummy::new);
        UrlSpec otherLiteral = UrlSpec.of("/other", Dummy::new);
        Router router = new Router(List.of(regexFirst, literalSecond, otherLiteral));
        assertThat(router.find("h", "/items/special").spec).isSameAs(regexFirst);
        assertThat(router.find("h", "/other").spec).isSameAs(otherLiteral);
        assertThat(router.find("h", "/nothing")).isNull();
    }

    @Test
    void routerHonoursHostPatterns() {
        UrlSpec onlyExample = UrlSpec.of("/", Dummy::new).withHost("(www\\.)?example\\.com");
        UrlSpec anyHost = UrlSpec.of("/", Dummy::new);
        Router router = new Router(List.of(onlyExample, anyHost));
        assertThat(router.find("www.example.com", "/").spec).isSameAs(onlyExample);
        assertThat(router.find("other.org", "/").spec).isSameAs(anyHost);
    }
}
