package org.tornadojava.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Builds {@code multipart/form-data} bodies and hashes for upload tests. */
final class MultipartBodies {
    static final String BOUNDARY = "----tornadoTestBoundary7MA4YWxk";
    static final String CONTENT_TYPE = "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBodies field(String name, String value) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    MultipartBodies file(String name, String filename, byte[] content) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        text("\r\n");
        return this;
    }

    byte[] end() {
        text("--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private void text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private MultipartBodies() {
    }

    static MultipartBodies builder() {
        return new MultipartBodies();
    }
}
