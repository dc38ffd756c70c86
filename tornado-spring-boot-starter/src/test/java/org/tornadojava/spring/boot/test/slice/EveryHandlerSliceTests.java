package org.tornadojava.spring.boot.test.slice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.tornadojava.spring.boot.test.TornadoHandlerTest;
import org.tornadojava.spring.boot.test.TornadoTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A handler slice that names no handler serves every {@code @Handler} of the application. */
@TornadoHandlerTest(properties = "tornado.ioloop.threads=1")
class EveryHandlerSliceTests {
    @MockitoBean
    private StoryService stories;

    @Autowired
    private TornadoTestClient client;

    @Test
    void everyHandlerIsServed() {
        assertThat(client.get("/other").body()).isEqualTo("other");
        assertThat(client.get("/story/3").statusCode()).isEqualTo(200);
    }
}
