package org.tornadojava.web;

import io.netty.util.AsciiString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderChecksTest {

    @Test
    void aCommonNameComesBackAsASharedConstantWithTheSameSpelling() {
        CharSequence first = HeaderChecks.name("Content-Type");
        CharSequence second = HeaderChecks.name(new String("Content-Type"));

        assertThat(first).isInstanceOf(AsciiString.class);
        assertThat(first.toString()).isEqualTo("Content-Type");
        assertThat(second).isSameAs(first);
    }

    @Test
    void otherNamesComeBackAsGiven() {
        String name = "X-Request-Id";
        StringBuilder built = new StringBuilder("X-Built");
        AsciiString lowerCase = AsciiString.of("content-type");

        assertThat(HeaderChecks.name(name)).isSameAs(name);
        assertThat(HeaderChecks.name(built)).isSameAs(built);
        assertThat(HeaderChecks.name(lowerCase)).isSameAs(lowerCase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Bad\r\nName", "Caf\u00e9", "(x)"})
    void namesThatAreNotTokensAreRefusedAsStringsAndAsOtherCharSequences(String name) {
        assertThatThrownBy(() -> HeaderChecks.name(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderChecks.name(new StringBuilder(name)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderChecks.name(AsciiString.of(name))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: x=1", "a\nb", "a\rb", "nul\u0000", "del\u007f", "c1\u0085"})
    void unsafeValuesAreRefusedAsStringsAndAsOtherCharSequences(String value) {
        assertThatThrownBy(() -> HeaderChecks.value(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderChecks.value(new StringBuilder(value)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tabsAreAllowedAndNonAsciiIsPercentEncodedAsUtf8() {
        assertThat(HeaderChecks.value("a\tb")).isEqualTo("a\tb");
        assertThat(HeaderChecks.value("/caf\u00e9/\u20ac?x=%41&y=\ud83d\ude00"))
                .isEqualTo("/caf%C3%A9/%E2%82%AC?x=%41&y=%F0%9F%98%80");
        assertThat(HeaderChecks.value(new StringBuilder("\u20ac"))).hasToString("%E2%82%AC");
    }

    @Test
    void datesAndNumbersBecomeText() {
        assertThat(HeaderChecks.value(new Date(0))).hasToString("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HeaderChecks.value(Instant.ofEpochSecond(784111777))).hasToString("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HeaderChecks.value(42)).hasToString("42");
    }
}
