package org.tornadojava.spring.boot.autoconfigure;

/** Properties every test context uses: a free port on the loopback address, one IOLoop, no access log. */
final class TestProperties {
    static final String[] LOCAL = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
        "tornado.ioloop.threads=1", "tornado.access-log=false"};

    private TestProperties() {
    }
}
