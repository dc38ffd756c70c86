package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.IllegalReferenceCountException;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tag of a body is its SHA-1 whatever kind of buffer holds it and wherever its readable bytes start. */
class EtagPolicyTagsTest {
    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    /** Tags the bytes held in {@code body} (released afterwards) and checks both policies against the JDK. */
    private static void assertTagged(byte[] expected, ByteBuf body) throws Exception {
        try {
            assertThat(EtagPolicy.CONTENT_HASH.etagFor(body)).isEqualTo("\"" + sha1(expected) + "\"");
            assertThat(EtagPolicy.WEAK.etagFor(body)).isEqualTo("W/\"" + sha1(expected) + "\"");
            assertThat(body.readableBytes()).isEqualTo(expected.length);
        } finally {
            body.release();
        }
    }

    @Test
    void heapDirectAndCompositeBodiesOfEverySizeGetTheirSha1() throws Exception {
        for (int size : new int[] {0, 1, 13, 1023, 1024, 1025, 70_000}) {
            byte[] body = bytes(size);
            assertTagged(body, Unpooled.wrappedBuffer(body));
            assertTagged(body, Unpooled.directBuffer(size).writeBytes(body));
            CompositeByteBuf composite = Unpooled.compositeBuffer();
            composite.addComponent(true, Unpooled.directBuffer().writeBytes(body, 0, size / 2));
            composite.addComponent(true, Unpooled.wrappedBuffer(body, size / 2, size - size / 2));
            assertTagged(body, composite);
        }
    }

    @Test
    void onlyTheReadableBytesAreHashed() throws Exception {
        byte[] body = bytes(40);
        ByteBuf direct = Unpooled.directBuffer(64).writeBytes(new byte[7]).writeBytes(body);
        direct.skipBytes(7);
        assertTagged(body, direct);
    }

    @Test
    void theDigestIsCleanAfterAFailedHash() throws Exception {
        ByteBuf released = Unpooled.directBuffer(4).writeInt(1);
        released.release();
        assertThatThrownBy(() -> EtagPolicy.CONTENT_HASH.etagFor(released))
                .isInstanceOf(IllegalReferenceCountException.class);
        assertTagged(new byte[] {1, 2, 3}, Unpooled.directBuffer().writeBytes(new byte[] {1, 2, 3}));
    }

    @Test
    void nullIsAnEmptyBodyAndDisabledTagsNothing() throws Exception {
        assertThat(EtagPolicy.CONTENT_HASH.etagFor(null)).isEqualTo("\"" + sha1(new byte[0]) + "\"");
        assertThat(EtagPolicy.DISABLED.etagFor(Unpooled.EMPTY_BUFFER)).isNull();
    }
}
