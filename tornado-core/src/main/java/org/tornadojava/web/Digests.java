package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hex digests for ETags and static-file versions, with one {@link MessageDigest} per thread and algorithm (an
 * IOLoop hashes every GET body it finishes, so digests are reused rather than created per request). Buffers are
 * hashed where they lie: the backing array of a heap buffer, the NIO views of a direct or composite one, never a
 * copy. Thread-safe.
 */
final class Digests {
    private static final FastThreadLocal<MessageDigest> SHA1 = digestPerThread("SHA-1");
    private static final FastThreadLocal<MessageDigest> SHA512 = digestPerThread("SHA-512");

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

    private static FastThreadLocal<MessageDigest> digestPerThread(String algorithm) {
        return new FastThreadLocal<>() {
            @Override
            protected MessageDigest initialValue() {
                try {
                    return MessageDigest.getInstance(algorithm);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(algorithm + " is required by the Java platform", e);
                }
            }
        };
    }
}
