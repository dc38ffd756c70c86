package org.tornadojava.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.LogText;

/**
 * Tornado's access log: one line per finished request on logger {@code tornado.access}, e.g.
 * {@code 200 GET /story/1 (127.0.0.1) 0.42ms}; INFO below 400, WARN for 4xx, ERROR for 5xx. The URI is quoted
 * through {@link LogText#escape}, so control bytes a client sends cannot forge lines or reach a terminal. A request
 * whose client went away before its response was finished is logged as {@code 499} (nginx's marker) at INFO: a
 * client leaving is not the server's problem, but operators see it. A request that came over HTTP/2 gets its version
 * appended ({@code 200 GET / (127.0.0.1) 0.42ms HTTP/2.0}); HTTP/1.x lines keep Tornado's format. Thread-safe.
 */
final class AccessLog {
    /** nginx's status for a request whose client went away before the response was finished. */
    static final int CLIENT_CLOSED_REQUEST = 499;
    private static final Logger LOG = LoggerFactory.getLogger("tornado.access");

    private AccessLog() {
    }

    static void log(int status, HttpServerRequest request) {
        if (status < 400 || status == CLIENT_CLOSED_REQUEST) {
            if (LOG.isInfoEnabled()) {
                LOG.info(line(status, request));
            }
        } else if (status < 500) {
            if (LOG.isWarnEnabled()) {
                LOG.warn(line(status, request));
            }
        } else if (LOG.isErrorEnabled()) {
            LOG.error(line(status, request));
        }
    }

    static String line(int status, HttpServerRequest request) {
        long hundredthsOfMs = Math.round((System.nanoTime() - request.startNanos()) / 10_000.0);
        long fraction = hundredthsOfMs % 100;
        return status + " " + request.method() + " " + LogText.escape(request.uri()) + " (" + request.remoteIp() + ") "
                + hundredthsOfMs / 100 + (fraction < 10 ? ".0" : ".") + fraction + "ms"
                + (request.version().majorVersion() == 1 ? "" : " " + request.version().text());
    }
}
