package org.tornadojava.http;

/**
 * The query string or body of a request cannot be decoded as arguments (bytes that are not UTF-8, a broken
 * multipart body). Thrown by {@link HttpServerRequest#arguments()} and its siblings only when arguments are asked
 * for, as in Tornado; a {@code RequestHandler} answers it with 400 and logs the message once at WARN.
 */
public final class InvalidArgumentsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be decoded, for the server log
     */
    public InvalidArgumentsException(String message) {
        super(message, null, false, false);
    }
}
