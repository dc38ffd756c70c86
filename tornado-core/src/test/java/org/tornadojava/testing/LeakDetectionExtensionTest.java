package org.tornadojava.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakDetectionExtensionTest {
    @Test
    void aClassThatLeaksABufferFails() {
        List<Throwable> failures = FixtureRunner.failures(FixtureRunner.run(Leaking.class));
        assertThat(failures).singleElement(InstanceOfAssertFactories.THROWABLE).isInstanceOf(AssertionError.class)
                .hasMessageContaining("leaked buffer(s) in LeakDetectionExtensionTest$Leaking");
    }

    @Test
    void aClassThatReleasesItsBuffersPasses() {
        assertThat(FixtureRunner.failures(FixtureRunner.run(Releasing.class))).isEmpty();
    }

    @Fixture
    static class Leaking {
        @Test
        void dropsABuffer() {
            ByteBuf leaked = UnpooledByteBufAllocator.DEFAULT.directBuffer(16);
            leaked.writeInt(42);
        }
    }

    @Fixture
    static class Releasing {
        @Test
        void releasesItsBuffer() {
            ByteBuf buffer = UnpooledByteBufAllocator.DEFAULT.directBuffer(16);
            buffer.writeInt(42);
            buffer.release();
        }
    }
}
