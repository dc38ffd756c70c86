package org.tornadojava.spring.boot.autoconfigure;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** The smallest handler: {@code GET /hello} answers {@code hello}. */
@Handler("/hello")
class HelloHandler extends RequestHandler {
    public void get() {
        write("hello");
    }
}
