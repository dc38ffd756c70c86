package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link TornadoPortInUseException}: which port, which key chose it, and what to do. Called by Boot on
 * the thread that failed to start the application.
 */
class TornadoPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<TornadoPortInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TornadoPortInUseException cause) {
        int port = cause.port();
        String description = "Tornado server failed to start: port " + port + " (" + cause.key() + "=" + port
                + ") is already in use.";
        String action = "Stop the process listening on port " + port + " (`ss -ltnp 'sport = :" + port
                + "'` shows it), or set " + cause.key() + " to another port (0 picks a free one, published as "
                + "local.tornado.port). To share the port between processes on purpose, set "
                + "tornado.server.reuse-port=true in each of them.";
        return new FailureAnalysis(description, action, cause);
    }
}
