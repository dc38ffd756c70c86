package org.tornadojava.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request refused at the protocol level: the status to answer and a detail for the one log line. Immutable. */
final class Rejection {
    final HttpResponseStatus status;
    final String detail;

    Rejection(HttpResponseStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    static Rejection badRequest(String detail) {
        return new Rejection(HttpResponseStatus.BAD_REQUEST, detail);
    }
}
