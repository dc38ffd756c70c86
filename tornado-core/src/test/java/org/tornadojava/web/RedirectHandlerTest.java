package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's RedirectHandlerTest. */
class RedirectHandlerTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/src", RedirectHandler::new, Map.of("url", "/dst"))
                .route("/src2", RedirectHandler::new, Map.of("url", "/dst2?foo=bar"))
                .route("/temporary", RedirectHandler::new, Map.of("url", "/dst", "permanent", false))
                .route("/(.*?)/(.*?)/(.*)", RedirectHandler::new, Map.of("url", "/{1}/{0}/{2}"))
                .accessLog(false)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void redirectsPermanentlyByDefault() throws Exception {
        RawResponse response = server.get("/src");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/dst");
    }

    @Test
    void theQueryIsCarriedOver() throws Exception {
        assertThat(server.get("/src?foo=bar").header("Location")).isEqualTo("/dst?foo=bar");
    }

    @Test
    void theQueryIsAppendedWithAnAmpersandWhenTheTargetHasOne() throws Exception {
        RawResponse response = server.get("/src2?foo2=bar2");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/dst2?foo=bar&foo2=bar2");
    }

    @Test
    void pathGroupsAreSubstituted() throws Exception {
        RawResponse response = server.get("/a/b/c");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/b/a/c");
    }

    @Test
    void permanentFalseGives302() throws Exception {
        RawResponse response = server.get("/temporary");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/dst");
    }
}
