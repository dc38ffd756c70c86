package org.tornadojava.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoding as Tornado's {@code url_unescape} (strict UTF-8); encoding as Python's {@code quote} (paths) and
 * {@code quote_plus} (the {@code next} of login redirects).
 */
class PercentCodecTest {
    @Test
    void queryValuesAreEncodedLikeQuotePlus() {
        assertThat(PercentCodec.encodeQueryValue("/a b?c=d&\u00e9~._-+")).isEqualTo("%2Fa+b%3Fc%3Dd%26%C3%A9~._-%2B");
    }

    @Test
    void pathsKeepTheirSlashesLikeQuote() {
        assertThat(PercentCodec.encodePath("/a b?c=d&\u00e9~._-+")).isEqualTo("/a%20b%3Fc%3Dd%26%C3%A9~._-%2B");
    }

    @Test
    void percentDecodingIsStrictUtf8() throws Exception {
        assertThat(PercentCodec.decode("a%20b+c", 0, 7, true)).isEqualTo("a b c");
        assertThat(PercentCodec.decode("a%20b+c", 0, 7, false)).isEqualTo("a b+c");
        assertThat(PercentCodec.decode("%C3%A9", 0, 6, false)).isEqualTo("é");
        assertThat(PercentCodec.decode("100%", 0, 4, false)).isEqualTo("100%");
        assertThat(PercentCodec.decode("%zz", 0, 3, false)).isEqualTo("%zz");
        assertThatThrownBy(() -> PercentCodec.decode("%FF", 0, 3, false))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
