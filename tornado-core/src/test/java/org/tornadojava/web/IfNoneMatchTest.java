package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's CacheTest matrix plus the parsing corners of its regex. */
class IfNoneMatchTest {
    @Test
    void tornadosCacheTestCases() {
        assertThat(IfNoneMatch.matches("*", "\"xyzzy\"")).isTrue();
        assertThat(IfNoneMatch.matches("\"xyzzy\"", "\"xyzzy\"")).isTrue();
        assertThat(IfNoneMatch.matches("\"xyzzy1\", \"xyzzy2\"", "\"xyzzy1\"")).isTrue();
        assertThat(IfNoneMatch.matches("\"xyzzy1\"", "\"xyzzy\"")).isFalse();
        assertThat(IfNoneMatch.matches("\"xyzzy1\", \"xyzzy2\"", "\"xyzzy\"")).isFalse();
        assertThat(IfNoneMatch.matches("W/\"xyzzy1\"", "\"xyzzy1\"")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"xyzzy1\", W/\"xyzzy2\"", "\"xyzzy2\"")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"xyzzy1\"", "\"xyzzy2\"")).isFalse();
        assertThat(IfNoneMatch.matches("W/\"xyzzy1\", W/\"xyzzy2\"", "\"xyzzy3\"")).isFalse();
    }

    @Test
    void weakResponseTagsCompareWeaklyToo() {
        assertThat(IfNoneMatch.matches("\"abc\"", "W/\"abc\"")).isTrue();
        assertThat(IfNoneMatch.matches("W/\"abc\"", "W/\"abc\"")).isTrue();
    }

    @Test
    void parsingCorners() {
        assertThat(IfNoneMatch.matches(null, "\"a\"")).isFalse();
        assertThat(IfNoneMatch.matches("\"a\"", null)).isFalse();
        assertThat(IfNoneMatch.matches("\"a\"", "")).isFalse();
        assertThat(IfNoneMatch.matches("", "\"a\"")).isFalse();
        assertThat(IfNoneMatch.matches("\"b\", *", "\"a\"")).isFalse();
        assertThat(IfNoneMatch.matches("\"unterminated *", "\"a\"")).isTrue();
        assertThat(IfNoneMatch.matches("garbage \"a\" more", "\"a\"")).isTrue();
        assertThat(IfNoneMatch.matches("\"a, \"b\"", "\"b\"")).isFalse();
    }
}
