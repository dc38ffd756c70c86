package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The context runner every test starts from: the auto-configuration, a free port on 127.0.0.1, one IOLoop. */
final class TestContexts {
    private TestContexts() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TornadoAutoConfiguration.class))
                .withPropertyValues("tornado.server.port=0", "tornado.server.address=127.0.0.1",
                        "tornado.ioloop.threads=1", "tornado.access-log=false");
    }
}
