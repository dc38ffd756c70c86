package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;

/** {@code GET /error/([0-9]{3})}: raises {@code HttpError(code)}. */
@Handler("/error/([0-9]{3})")
class ErrorDemoHandler extends RequestHandler {
    public void get(String code) {
        int status = Integer.parseInt(code);
        if (status < 400 || status > 599) {
            throw new HttpError(400, "error code out of range: %s", code);
        }
        throw new HttpError(status);
    }
}
