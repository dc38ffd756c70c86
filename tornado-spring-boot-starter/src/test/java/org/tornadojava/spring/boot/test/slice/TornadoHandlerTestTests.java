package org.tornadojava.spring.boot.test.slice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.spring.boot.test.TornadoHandlerTest;
import org.tornadojava.spring.boot.test.TornadoTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** The handler slice: only the named handler, its dependency mocked, served on a free port. */
@TornadoHandlerTest(value = StoryHandler.class, properties = "tornado.ioloop.threads=1")
class TornadoHandlerTestTests {
    @MockitoBean
    private StoryService stories;

    @Autowired
    private TornadoTestClient client;

    @Autowired
    private RestTestClient restTestClient;

    @Autowired
    private ApplicationContext context;

    @LocalTornadoPort
    private int port;

    @Test
    void theNamedHandlerServesWithItsMockedDependency() {
        given(stories.title(7)).willReturn("Tornado");
        assertThat(client.get("/story/7").body()).isEqualTo("Story 7: Tornado");
        restTestClient.get().uri("/story/7").exchange().expectBody(String.class).isEqualTo("Story 7: Tornado");
    }

    @Test
    void otherHandlersAndComponentsAreLeftOut() {
        assertThat(client.get("/other").statusCode()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(OtherHandler.class)).isEmpty();
        assertThat(context.getBean(StoryService.class).title(1)).isNull();
    }

    @Test
    void theServerRunsOnAFreeLoopbackPort() {
        assertThat(port).isPositive().isNotEqualTo(8888);
        assertThat(client.port()).isEqualTo(port);
        assertThat(context.getEnvironment().getProperty("tornado.server.address")).isEqualTo("127.0.0.1");
    }
}
