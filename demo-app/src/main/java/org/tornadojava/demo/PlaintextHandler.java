package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /plaintext}: {@code Hello, World!} as text. */
@Handler("/plaintext")
class PlaintextHandler extends RequestHandler {
    public void get() {
        setHeader("Content-Type", "text/plain; charset=UTF-8");
        write("Hello, World!");
    }
}
