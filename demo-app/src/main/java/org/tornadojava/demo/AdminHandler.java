package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/**
 * {@code GET /admin}: answers {@code admin ok} to addresses in {@code tornado-demo.admin-whitelist} (default
 * {@code 127.0.0.1/32, ::1/128}); the starter turns the attribute into the handler's whitelist, so other addresses
 * get 403 before this class runs. IOLoop thread.
 */
@Handler(value = "/admin", ipWhitelist = "${tornado-demo.admin-whitelist:127.0.0.1/32, ::1/128}")
class AdminHandler extends RequestHandler {
    public void get() {
        setHeader("Content-Type", "text/plain; charset=UTF-8");
        write("admin ok");
    }
}
