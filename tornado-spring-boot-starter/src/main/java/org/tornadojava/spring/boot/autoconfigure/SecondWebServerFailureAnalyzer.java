package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SecondWebServerException}: which other web server was found and how to keep only Tornado or
 * run both on purpose. Called by Boot on the thread that failed to start the application.
 */
class SecondWebServerFailureAnalyzer extends AbstractFailureAnalyzer<SecondWebServerException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecondWebServerException cause) {
        String description = "Tornado serves this application's @Handler beans, but the context also starts another "
                + "web server: " + String.join(", ", cause.factories()) + ". Usually spring-boot-starter-web or "
                + "spring-boot-starter-webflux is on the classpath by accident; two servers would listen on two "
                + "ports (tornado.server.port and server.port).";
        String action = "Remove the servlet or reactive web starter from the dependencies, or set "
                + "spring.main.web-application-type=none. To run both servers on purpose, set "
                + "tornado.server.allow-second-server=true.";
        return new FailureAnalysis(description, action, cause);
    }
}
