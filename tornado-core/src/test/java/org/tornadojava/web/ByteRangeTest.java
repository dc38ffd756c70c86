package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's {@code _parse_request_range} doctests and StaticFileHandler's range rules, on a 26-byte file. */
class ByteRangeTest {
    private static final long SIZE = 26;

    @Test
    void singleRangesArePartialWithInclusiveEnds() {
        ByteRange range = ByteRange.of("bytes=0-9", SIZE);
        assertThat(range.partial()).isTrue();
        assertThat(range.start()).isZero();
        assertThat(range.length()).isEqualTo(10);
        assertThat(range.contentRange(SIZE)).isEqualTo("bytes 0-9/26");
        assertThat(ByteRange.of("bytes=1-2", SIZE).contentRange(SIZE)).isEqualTo("bytes 1-2/26");
        assertThat(ByteRange.of("bytes=22-", SIZE).contentRange(SIZE)).isEqualTo("bytes 22-25/26");
        assertThat(ByteRange.of("bytes=-4", SIZE).contentRange(SIZE)).isEqualTo("bytes 22-25/26");
        assertThat(ByteRange.of("bytes=1-10000000", SIZE).contentRange(SIZE)).isEqualTo("bytes 1-25/26");
        assertThat(ByteRange.of(" bytes = 3 - 4 ", SIZE).contentRange(SIZE)).isEqualTo("bytes 3-4/26");
    }

    @Test
    void rangesCoveringTheWholeFileAnswerTheWholeFile() {
        for (String header : new String[] {"bytes=0-", "bytes=0-25", "bytes=0-10000000", "bytes=-1000000",
                "bytes=-26", "bytes="}) {
            ByteRange range = ByteRange.of(header, SIZE);
            assertThat(range.satisfiable()).as(header).isTrue();
            assertThat(range.partial()).as(header).isFalse();
            assertThat(range.length()).as(header).isEqualTo(SIZE);
        }
    }

    @Test
    void unsatisfiableRangesAre416WithTheSize() {
        for (String header : new String[] {"bytes=-0", "bytes=26", "bytes=26-", "bytes=10-3", "bytes=100-200"}) {
            ByteRange range = ByteRange.of(header, SIZE);
            assertThat(range.satisfiable()).as(header).isFalse();
            assertThat(range.contentRange(SIZE)).isEqualTo("bytes */26");
        }
    }

    @Test
    void unparsableHeadersAreIgnored() {
        for (String header : new String[] {null, "asdf", "foo=42", "bytes=1-2,6-10", "bytes=a-b", "items=0-1",
                "bytes=--5", "bytes=99999999999999999999-"}) {
            ByteRange range = ByteRange.of(header, SIZE);
            assertThat(range.satisfiable()).as(header).isTrue();
            assertThat(range.partial()).as(header).isFalse();
            assertThat(range.length()).as(header).isEqualTo(SIZE);
        }
    }
}
