package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.RequestHandler;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter under devtools' restart class loader (a test stand-in of the same name). */
class DevtoolsTests {
    @Handler("/reloaded")
    static class ReloadedHandler extends RequestHandler {
        public void get() {
            write("reloaded by " + getClass().getClassLoader().getClass().getSimpleName());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHandlerOfTheRestartClassLoaderIsCreatedWithoutABeanLookupPerRequest() throws Exception {
        RestartClassLoader loader = new RestartClassLoader(getClass().getClassLoader(),
                Set.of(ReloadedHandler.class.getName()));
        Class<Object> reloaded = (Class<Object>) loader.loadClass(ReloadedHandler.class.getName());
        assertThat(reloaded.getClassLoader()).isSameAs(loader);
        try (LogCapture logs = LogCapture.of(HandlerInstantiator.class.getName())) {
            TestContexts.runner().withClassLoader(loader).withBean(reloaded).run((context) -> {
                HttpServer server = context.getBean(HttpServer.class);
                assertThat(TornadoTestClient.of(server).get("/reloaded").body())
                        .isEqualTo("reloaded by RestartClassLoader");
            });
            assertThat(logs.events()).isEmpty();
        }
    }

    @Test
    void withoutHandlersUnderDevtoolsANonDaemonThreadKeepsTheJvmUpUntilTheContextCloses() {
        RestartClassLoader loader = new RestartClassLoader(getClass().getClassLoader(), Set.of());
        TestContexts.runner().withClassLoader(loader).run((context) -> {
            assertThat(context).doesNotHaveBean(HttpServer.class);
            Thread keepAlive = keepAliveThread();
            assertThat(keepAlive).isNotNull();
            assertThat(keepAlive.isDaemon()).isFalse();
        });
        Await.until(() -> keepAliveThread() == null);
    }

    @Test
    void withoutHandlersOutsideDevtoolsNoThreadIsKept() {
        TestContexts.runner().run((context) -> {
            assertThat(context).hasSingleBean(NoHandlersNotice.class);
            assertThat(keepAliveThread()).isNull();
        });
    }

    private static Thread keepAliveThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter((thread) -> thread.getName().equals(NoHandlersNotice.KEEP_ALIVE_THREAD) && thread.isAlive())
                .findFirst().orElse(null);
    }
}
