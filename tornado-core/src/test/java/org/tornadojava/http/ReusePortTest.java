package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReusePortTest {
    static final class Named extends RequestHandler {
        private String name;

        @Override
        protected void initialize(java.util.Map<String, Object> kwargs) {
            name = (String) kwargs.get("name");
        }

        public void get() {
            write(name);
        }
    }

    private static Application app(String name) {
        return Application.builder().route("/", Named::new, java.util.Map.of("name", name)).build();
    }

    @Test
    void twoServersShareOnePortWithReusePortOnEpoll() throws Exception {
        try (IOLoopGroup first = new IOLoopGroup(1, Transport.EPOLL);
             IOLoopGroup second = new IOLoopGroup(1, Transport.EPOLL)) {
            HttpServer a = new HttpServer(app("a"), new HttpServerOptions().address("127.0.0.1").port(0)
                    .reusePort(true), first);
            a.start();
            HttpServer b = new HttpServer(app("b"), new HttpServerOptions().address("127.0.0.1").port(a.port())
                    .reusePort(true), second);
            b.start();
            Set<String> answers = new HashSet<>();
            for (int i = 0; i < 200 && answers.size() < 2; i++) {
                answers.add(RawHttpClient.get(a.port(), "/").text());
            }
            assertThat(answers).containsExactlyInAnyOrder("a", "b");
            a.stop(Duration.ofSeconds(5));
            b.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void reusePortOnNioFailsStartWithAClearMessage() {
        try (IOLoopGroup nio = new IOLoopGroup(1, Transport.NIO)) {
            HttpServer server = new HttpServer(app("x"), new HttpServerOptions().address("127.0.0.1").port(0)
                    .reusePort(true), nio);
            assertThatThrownBy(server::start).hasMessageContaining("reuse-port needs the epoll or io-uring transport");
        }
    }
}
