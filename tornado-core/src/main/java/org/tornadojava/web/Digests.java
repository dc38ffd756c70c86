package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Hex digests for ETags and static-file versions, with one {@link MessageDigest} per thread and algorithm (an
 * IOLoop hashes every GET body it finishes, so digests are reused rather than created per request). Buffers are
 * hashed where they lie: the backing array of a heap buffer, the NIO views of a direct or composite one, never a
 * copy. Thread-safe.
 */
final class Digests {
    private static final FastThreadLocal<MessageDigest> SHA1 = perThread("SHA-1", MessageDigest::getInstance);
    private static final FastThreadLocal<MessageDigest> SHA512 = perThread("SHA-512", MessageDigest::getInstance);

    private Digests() {
    }

    /** SHA-1 of the readable bytes of {@code body} (null means empty), in lower-case hex. */
    static String sha1Hex(ByteBuf body) {
        MessageDigest digest = SHA1.get();
        digest.reset();
        if (body != null && body.isReadable()) {
            if (body.hasArray()) {
                digest.update(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
            } else {
                for (ByteBuffer part : body.nioBuffers()) {
                    digest.update(part);
                }
            }
        }
        return Hex.encode(digest.digest());
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
