package org.tornadojava.demo.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"/room", "/room?transport=websocket", "/", "/a/b?x=1#top"})
    void localPathsAreFollowed(String url) {
        assertThat(LocalUrl.orElse(url, "/fallback")).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "room", "http://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil",
        "/\t/evil.example", "/\n/evil.example", "/ /evil.example", "javascript:alert(1)", "https:evil.example"})
    void anythingElseFallsBack(String url) {
        assertThat(LocalUrl.orElse(url, "/fallback")).isEqualTo("/fallback");
    }

    @Test
    void nullFallsBack() {
        assertThat(LocalUrl.orElse(null, "/fallback")).isEqualTo("/fallback");
    }
}
