package org.tornadojava.web;

/**
 * Ends the request as it is, without an error page, Tornado's {@code Finish}: whatever was written so far is sent
 * with the current status. Throw it from {@code prepare} or a verb method, e.g. after {@code setStatus(401)}.
 */
public final class Finish extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public Finish() {
        super(null, null, false, false);
    }
}
