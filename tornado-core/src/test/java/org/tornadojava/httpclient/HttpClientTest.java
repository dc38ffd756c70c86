package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blocking facade, Tornado's {@code HTTPClient}. */
class HttpClientTest {
    private static TestServer server;

    /** Says hello. */
    static final class Hello extends RequestHandler {
        public void get() {
            write("hello from " + request().method());
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/hello", Hello::new).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fetchBlocksUntilTheResponseIsComplete() {
        try (HttpClient client = new HttpClient()) {
            HttpResponse response = client.fetch(server.getUrl("/hello"));

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello from GET");
        }
    }

    @Test
    void aNon2xxStatusIsThrownAsHttpClientError() {
        try (HttpClient client = new HttpClient()) {
            assertThatThrownBy(() -> client.fetch(server.getUrl("/missing")))
                    .isInstanceOfSatisfying(HttpClientError.class, error -> {
                        assertThat(error.code()).isEqualTo(404);
                        assertThat(error.getMessage()).isEqualTo("HTTP 404: Not Found");
                    });
            assertThat(client.fetch(HttpRequest.builder(server.getUrl("/missing")).raiseError(false).build())
                    .code()).isEqualTo(404);
        }
    }

    @Test
    void fetchRefusesToBlockAnIOLoop() throws Exception {
        try (HttpClient client = new HttpClient()) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            server.loops().next().execute(() -> {
                try {
                    client.fetch(server.getUrl("/hello"));
                    refused.complete(null);
                } catch (Throwable e) {
                    refused.complete(e);
                }
            });

            assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("HttpClient.fetch blocks its caller and cannot run on an IOLoop thread")
                    .hasMessageEndingWith("use AsyncHttpClient.fetch there");
        }
    }

    @Test
    void aClosedClientRefusesToFetch() {
        HttpClient client = new HttpClient();
        client.close();

        assertThatThrownBy(() -> client.fetch(server.getUrl("/hello"))).isInstanceOf(IllegalStateException.class);
    }
}
