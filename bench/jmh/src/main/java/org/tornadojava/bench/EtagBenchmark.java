package org.tornadojava.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tornadojava.web.EtagPolicy;

import java.util.Random;

/** Cost of the default ETag (SHA-1 of the body, Tornado's) per response, by body size. */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class EtagBenchmark {
    @Param({"13", "1024", "65536"})
    public int size;

    private ByteBuf body;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] bytes = new byte[size];
        new Random(1).nextBytes(bytes);
        body = ByteBufAllocator.DEFAULT.directBuffer(size).writeBytes(bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        body.release();
    }

    @Benchmark
    public String contentHash() {
        return EtagPolicy.CONTENT_HASH.etagFor(body);
    }
}
