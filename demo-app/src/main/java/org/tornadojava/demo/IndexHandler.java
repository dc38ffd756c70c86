package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /}: an HTML page linking to every demo. */
@Handler("/")
class IndexHandler extends RequestHandler {
    public void get() {
        write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>tornado-java demo</title></head><body>"
                + "<h1>tornado-java demo</h1><ul>"
                + "<li><a href=\"/plaintext\">/plaintext</a></li>"
                + "<li><a href=\"/json\">/json</a></li>"
                + "<li><a href=\"" + reverseUrl("story", 1) + "\">/story/1</a></li>"
                + "<li><a href=\"/old-home\">/old-home</a> (redirects here)</li>"
                + "<li><a href=\"/error/418\">/error/418</a></li>"
                + "<li><a href=\"/blocking?seconds=1\">/blocking?seconds=1</a> (sleeps on the executor)</li>"
                + "<li><a href=\"/download/sample.bin\">/download/sample.bin</a> (10 MiB, streamed from an "
                + "executor thread)</li>"
                + "</ul></body></html>");
    }
}
