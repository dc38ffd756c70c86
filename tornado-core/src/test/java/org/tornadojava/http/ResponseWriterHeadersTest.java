package org.tornadojava.http;

import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public {@link ResponseWriter#newHeaders()} cannot carry CR or LF onto the wire. */
class ResponseWriterHeadersTest {
    @Test
    void aValueWithCrOrLfIsRefused() {
        HttpHeaders headers = ResponseWriter.newHeaders();

        assertThatThrownBy(() -> headers.set("X-Note", "a\r\nSet-Cookie: evil=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.add("X-Note", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.isEmpty()).isTrue();
    }

    @Test
    void aNameThatIsNotATokenIsRefused() {
        HttpHeaders headers = ResponseWriter.newHeaders();

        assertThatThrownBy(() -> headers.set("X-Note\r\nSet-Cookie", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.set("X Note", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordinaryNamesAndValuesAreKept() {
        HttpHeaders headers = ResponseWriter.newHeaders();

        headers.set("Content-Type", "text/plain; charset=UTF-8").add("X-Tab", "a\tb");

        assertThat(headers.get("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(headers.get("X-Tab")).isEqualTo("a\tb");
    }
}
