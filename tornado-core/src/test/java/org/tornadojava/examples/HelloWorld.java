package org.tornadojava.examples;

import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

/** The plain-Java example of docs/plain-java.md: tornado-core with no Spring. */
public final class HelloWorld {
    static class MainHandler extends RequestHandler {
        public void get() {
            write("Hello, world");
        }
    }

    static class StoryHandler extends RequestHandler {
        public void get(String storyId) {
            write("You requested story " + storyId);
        }
    }

    private HelloWorld() {
    }

    /** Builds the application: two routes, one of them named. */
    public static Application makeApp() {
        return Application.builder()
                .route("/", MainHandler::new)
                .route(UrlSpec.of("/story/([0-9]+)", StoryHandler::new).withName("story"))
                .build();
    }

    /** Serves the application on port 8888 until the process is stopped. */
    public static void main(String[] args) {
        IOLoopGroup loops = new IOLoopGroup(0, Transport.AUTO);
        HttpServer server = new HttpServer(makeApp(), new HttpServerOptions().port(8888), loops);
        server.start();
    }
}
