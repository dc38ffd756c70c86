package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

import java.util.Map;

/** {@code GET /json}: {@code {"message":"Hello, World!"}}. */
@Handler("/json")
class JsonHandler extends RequestHandler {
    public void get() {
        write(Map.of("message", "Hello, World!"));
        setHeader("Content-Type", "application/json");
    }
}
