package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Encoding as Python's {@code quote} (paths) and {@code quote_plus} (the {@code next} of login redirects). */
class PercentCodecTest {
    @Test
    void queryValuesAreEncodedLikeQuotePlus() {
        assertThat(PercentCodec.encodeQueryValue("/a b?c=d&\u00e9~._-+")).isEqualTo("%2Fa+b%3Fc%3Dd%26%C3%A9~._-%2B");
    }

    @Test
    void pathsKeepTheirSlashesLikeQuote() {
        assertThat(PercentCodec.encodePath("/a b?c=d&\u00e9~._-+")).isEqualTo("/a%20b%3Fc%3Dd%26%C3%A9~._-%2B");
    }
}
