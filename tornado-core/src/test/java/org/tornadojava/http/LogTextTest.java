package org.tornadojava.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void controlCharactersAndBackslashAreWrittenAsHexEscapes() {
        assertThat(LogText.escape("/a\u001b[31mred\r\nFAKE 200\u007f\u0085\\"))
                .isEqualTo("/a\\x1B[31mred\\x0D\\x0AFAKE 200\\x7F\\x85\\x5C");
    }

    @Test
    void unicodeLineSeparatorsAreEscapedAndOtherTextKept() {
        assertThat(LogText.escape("caf\u00e9\u2028x\u2029")).isEqualTo("caf\u00e9\\u2028x\\u2029");
    }

    @Test
    void printableTextIsReturnedAsItIs() {
        String uri = "/story/1?q=a%20b&x=\u20ac";
        assertThat(LogText.escape(uri)).isSameAs(uri);
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
