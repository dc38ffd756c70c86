package org.tornadojava.web;

import java.util.Map;

/**
 * Answers every request with one error status, Tornado's {@code ErrorHandler}; the application's default handler
 * for unmatched paths is one with 404. Init argument {@code status_code} (an integer) sets the status; the
 * optional {@code log_message} (a string) is logged once at WARN on {@code tornado.general}. The XSRF check is
 * skipped, as in Tornado: a POST to an unknown URL answers 404, not 403.
 */
public class ErrorHandler extends RequestHandler {
    private int statusCode = 404;
    private String logMessage;

    @Override
    protected void initialize(Map<String, Object> kwargs) {
        Object status = kwargs.get("status_code");
        if (status != null) {
            statusCode = ((Number) status).intValue();
        }
        logMessage = (String) kwargs.get("log_message");
    }

    /** Raises the configured error before any verb method runs. IOLoop thread. */
    @Override
    protected void prepare() {
        throw new HttpError(statusCode, logMessage);
    }

    /** Does nothing: the request ends in an error without side effects, so it needs no XSRF token. IOLoop thread. */
    @Override
    protected void checkXsrfCookie() {
    }
}
