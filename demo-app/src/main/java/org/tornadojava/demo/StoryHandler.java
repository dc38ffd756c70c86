package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

/** {@code GET /story/([0-9]+)}: echoes the path argument. */
@Handler(value = "/story/([0-9]+)", name = "story")
class StoryHandler extends RequestHandler {
    public void get(String storyId) {
        setHeader("Content-Type", "text/plain; charset=UTF-8");
        write("You requested story " + storyId);
    }
}
