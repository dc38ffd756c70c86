package org.tornadojava.web;

import java.util.IllegalFormatException;
import org.tornadojava.http.HttpStatusReasons;

/**
 * Ends a request with an HTTP error status, Tornado's {@code HTTPError}: thrown from {@code prepare}, a verb
 * method or a failed {@code CompletionStage}, it becomes {@code sendError(status)} and the handler's
 * {@code writeError}.
 *
 * <p>As in Tornado, the second argument is a message for the server log, never sent to the client: it is logged
 * once at WARN on {@code tornado.general}, without a stack trace, formatted with its arguments
 * ({@code String.format}, Tornado's {@code log_message % args}) only then. The reason phrase of the status line
 * and error page is a separate option, {@link #withReason(String)} (Tornado's {@code reason=} keyword):
 *
 * <pre>{@code
 * throw new HttpError(404);
 * throw new HttpError(400, "cursor is not a message id: %s", text);
 * throw new HttpError(409).withReason("Version Clash");
 * }</pre>
 *
 * <p>Created and thrown on any thread; set the reason before it is thrown.
 */
public class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Object[] NO_ARGS = {};

    private final int status;
    private final String logMessage;
    private final transient Object[] logArgs;
    private String reason;

    /**
     * An error with the standard reason phrase of the status and nothing to log.
     *
     * @param status the HTTP status, e.g. 404
     */
    public HttpError(int status) {
        this(status, null, NO_ARGS);
    }

    /**
     * An error with a message for the server log (never sent to the client).
     *
     * @param status the HTTP status
     * @param logMessage logged at WARN on {@code tornado.general}, or null; a {@code String.format} pattern when
     *     {@code args} are given, used as it is when not
     * @param args the arguments of the pattern, formatted only when the message is logged
     */
    public HttpError(int status, String logMessage, Object... args) {
        super(null, null, false, false);
        this.status = status;
        this.logMessage = logMessage;
        this.logArgs = args == null ? NO_ARGS : args.clone();
    }

    /**
     * Sets the reason phrase sent in the status line and the error page instead of the standard one.
     *
     * @param reason the reason phrase, or null for the standard one
     * @return this error, to throw
     */
    public HttpError withReason(String reason) {
        this.reason = reason;
        return this;
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
     * The message for the server log, formatted with its arguments.
     *
     * @return the message, or null; the pattern as given when it does not fit its arguments
     */
    public String logMessage() {
        if (logMessage == null || logArgs == null || logArgs.length == 0) {
            return logMessage;
        }
        try {
            return String.format(logMessage, logArgs);
        } catch (IllegalFormatException e) {
            return logMessage;
        }
    }

    /**
     * Tornado's {@code str(HTTPError)}: the status, the reason and the log message.
     *
     * @return e.g. {@code "HTTP 404: Not Found (no such story: 7)"}
     */
    @Override
    public String getMessage() {
        String message = logMessage();
        return "HTTP " + status + ": " + (reason != null ? reason : HttpStatusReasons.reason(status))
                + (message != null ? " (" + message + ")" : "");
    }
}
