package org.tornadojava.http;

/**
 * A file sent in a {@code multipart/form-data} body, Tornado's {@code HTTPFile}. Immutable; do not modify the
 * body array. Thread-safe.
 *
 * @param filename the file name the client gave
 * @param contentType the part's content type
 * @param body the file's bytes
 */
public record UploadedFile(String filename, String contentType, byte[] body) {
}
