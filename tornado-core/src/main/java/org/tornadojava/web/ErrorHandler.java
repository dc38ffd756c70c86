package org.tornadojava.web;

import java.util.Map;

/**
 * Answers every request with one error status, Tornado's {@code ErrorHandler}; the application's default handler
 * for unmatched paths is one with 404. Init argument {@code status_code} (an integer) sets the status.
 */
public class ErrorHandler extends RequestHandler {
    private int statusCode = 404;

    @Override
    protected void initialize(Map<String, Object> kwargs) {
        Object status = kwargs.get("status_code");
        if (status != null) {
            statusCode = ((Number) status).intValue();
        }
    }

    /** Raises the configured error before any verb method runs. IOLoop thread. */
    @Override
    protected void prepare() {
        throw new HttpError(statusCode);
    }
}
