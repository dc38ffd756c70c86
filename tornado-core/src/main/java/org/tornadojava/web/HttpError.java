package org.tornadojava.web;

import org.tornadojava.http.HttpStatusReasons;

/**
 * Ends a request with an HTTP error status, Tornado's {@code HTTPError}: thrown from {@code prepare}, a verb
 * method or a failed {@code CompletionStage}, it becomes {@code sendError(status)} and the handler's
 * {@code writeError}. An optional log message is logged once at WARN on {@code tornado.general}, without a stack
 * trace. Immutable.
 */
public class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final String logMessage;

    /**
     * An error with the standard reason phrase of the status.
     *
     * @param status the HTTP status, e.g. 404
     */
    public HttpError(int status) {
        this(status, null, null);
    }

    /**
     * An error with a custom reason phrase.
     *
     * @param status the HTTP status
     * @param reason the reason phrase for the status line and error page, or null for the standard one
     */
    public HttpError(int status, String reason) {
        this(status, reason, null);
    }

    /**
     * An error with a custom reason and a message for the server log (never sent to the client).
     *
     * @param status the HTTP status
     * @param reason the reason phrase, or null for the standard one
     * @param logMessage logged at WARN on {@code tornado.general}, or null
     */
    public HttpError(int status, String reason, String logMessage) {
        super(status + " " + (reason != null ? reason : HttpStatusReasons.reason(status))
                + (logMessage != null ? ": " + logMessage : ""), null, false, false);
        this.status = status;
        this.reason = reason;
        this.logMessage = logMessage;
    }

    /**
     * The HTTP status to answer with.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * The custom reason phrase.
     *
     * @return the reason, or null to use the standard one
     */
    public String reason() {
        return reason;
    }

    /**
     * The message for the server log.
     *
     * @return the message, or null
     */
    public String logMessage() {
        return logMessage;
    }
}
