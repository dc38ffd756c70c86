package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Digests for ETags and static-file versions, with one {@link MessageDigest} per thread and algorithm (an
 * IOLoop hashes every GET body it finishes, so digests are reused rather than created per request). Buffers are
 * hashed where they lie (the backing array of a heap buffer, the NIO views of a large direct or composite one);
 * small direct ones are copied into a per-thread scratch array first, which costs less than the views (the JDK
 * copies a direct buffer's bytes to an array to hash them anyway). Thread-safe.
 */
final class Digests {
    private static final FastThreadLocal<MessageDigest> SHA1 = perThread("SHA-1", MessageDigest::getInstance);
    private static final FastThreadLocal<MessageDigest> SHA512 = perThread("SHA-512", MessageDigest::getInstance);
    /** Small direct bodies are copied here and hashed as an array: cheaper than hashing through NIO views. */
    private static final int SCRATCH_SIZE = 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SCRATCH_SIZE];
        }
    };

    private Digests() {
    }

    /** SHA-1 of the readable bytes of {@code body} (null means empty). */
    static byte[] sha1(ByteBuf body) {
        MessageDigest digest = SHA1.get();
        try {
            if (body != null && body.isReadable()) {
                if (body.hasArray()) {
                    digest.update(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
                } else if (body.readableBytes() <= SCRATCH_SIZE) {
                    byte[] scratch = SCRATCH.get();
                    body.getBytes(body.readerIndex(), scratch, 0, body.readableBytes());
                    digest.update(scratch, 0, body.readableBytes());
                } else {
                    for (ByteBuffer part : body.nioBuffers()) {
                        digest.update(part);
                    }
                }
            }
            return digest.digest();
        } catch (RuntimeException e) {
            digest.reset();
            throw e;
        }
    }

    /** This thread's SHA-512 digest, reset; for callers that feed a file piece by piece. */
    static MessageDigest sha512() {
        MessageDigest digest = SHA512.get();
        digest.reset();
        return digest;
    }

    /**
     * One instance per thread of a JCA primitive the platform must provide (a {@code MessageDigest}, a
     * {@code Mac}); they are not thread-safe and costly to look up, so each thread keeps its own.
     */
    static <T> FastThreadLocal<T> perThread(String algorithm, Factory<T> factory) {
        return new FastThreadLocal<>() {
            @Override
            protected T initialValue() {
                try {
                    return factory.create(algorithm);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(algorithm + " is required by the Java platform", e);
                }
            }
        };
    }

    /** Looks a JCA primitive up by algorithm name, e.g. {@code MessageDigest::getInstance}. */
    interface Factory<T> {
        T create(String algorithm) throws GeneralSecurityException;
    }
}
