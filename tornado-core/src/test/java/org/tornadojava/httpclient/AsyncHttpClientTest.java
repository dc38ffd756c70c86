package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests and responses against our own server: methods, bodies, headers, status codes and raiseError. */
class AsyncHttpClientTest {
    private static TestServer server;
    private static AsyncHttpClient client;

    static final class Hello extends RequestHandler {
        public void get() {
            write("hello");
        }
    }

    static final class Echo extends RequestHandler {
        public void post() {
            echo();
        }

        public void put() {
            echo();
        }

        public void delete() {
            echo();
        }

        private void echo() {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write(request().method() + " " + request().headers().get("Content-Type") + " "
                    + request().headers().get("X-Test") + " "
                    + new String(request().body(), StandardCharsets.UTF_8));
        }
    }

    static final class Headers extends RequestHandler {
        public void get() {
            write("host=" + request().headers().get("Host")
                    + " agent=" + request().headers().get("User-Agent")
                    + " encoding=" + request().headers().get("Accept-Encoding")
                    + " values=" + request().headers().getAll("X-Multi"));
        }
    }

    static final class Status extends RequestHandler {
        public void get(String code) {
            setStatus(Integer.parseInt(code));
            addHeader("Set-Cookie", "a=1");
            addHeader("Set-Cookie", "b=2");
            write("status " + code);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/hello", Hello::new)
                .route("/echo", Echo::new)
                .route("/headers", Headers::new)
                .route("/status/([0-9]+)", Status::new)
                .build());
        client = new AsyncHttpClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String url(String path) {
        return server.getUrl(path);
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void getReturnsStatusHeadersAndBody() throws Exception {
        HttpResponse response = await(client.fetch(url("/hello")));

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.reason()).isEqualTo("OK");
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.effectiveUrl()).isEqualTo(url("/hello"));
        assertThat(response.request().url()).isEqualTo(url("/hello"));
        assertThat(response.requestTime()).isPositive();
    }

    @Test
    void postSendsBodyAndHeadersAndDefaultsTheFormContentType() throws Exception {
        HttpResponse withType = await(client.fetch(HttpRequest.builder(url("/echo")).method("POST")
                .header("X-Test", "yes").header("Content-Type", "text/plain").body("héllo").build()));
        HttpResponse withoutType = await(client.fetch(HttpRequest.builder(url("/echo")).method("POST")
                .body("a=1").build()));

        assertThat(withType.text()).isEqualTo("POST text/plain yes héllo");
        assertThat(withoutType.text()).isEqualTo("POST application/x-www-form-urlencoded null a=1");
    }

    @Test
    void putAndDeleteCarryTheirBodies() throws Exception {
        assertThat(await(client.fetch(HttpRequest.builder(url("/echo")).method("PUT").body("x").build())).text())
                .isEqualTo("PUT null null x");
        assertThat(await(client.fetch(HttpRequest.builder(url("/echo")).method("DELETE").build())).text())
                .isEqualTo("DELETE null null ");
    }

    @Test
    void defaultRequestHeadersAreAddedAndRepeatedHeadersAreSentInOrder() throws Exception {
        HttpResponse response = await(client.fetch(HttpRequest.builder(url("/headers"))
                .header("X-Multi", "one").header("X-Multi", "two").build()));

        assertThat(response.text()).isEqualTo("host=127.0.0.1:" + server.port() + " agent=tornado-java/0.1.0"
                + " encoding=gzip values=[one, two]");
    }

    @Test
    void userHeadersReplaceTheDefaults() throws Exception {
        HttpResponse response = await(client.fetch(HttpRequest.builder(url("/headers"))
                .header("User-Agent", "mine").header("Host", "example.org").decompressResponse(false).build()));

        assertThat(response.text()).startsWith("host=example.org agent=mine encoding=null");
    }

    @Test
    void aNon2xxStatusFailsWithHttpClientErrorCarryingTheResponse() {
        assertThatThrownBy(() -> client.fetch(url("/status/404")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(HttpClientError.class)
                .hasMessage("HTTP 404: Not Found")
                .satisfies(error -> {
                    HttpClientError clientError = (HttpClientError) error;
                    assertThat(clientError.code()).isEqualTo(404);
                    assertThat(clientError.response().text()).isEqualTo("status 404");
                    assertThat(clientError.response().headerValues("Set-Cookie")).containsExactly("a=1", "b=2");
                });
    }

    @Test
    void anUnroutedPathIs404WithTornadosErrorPage() throws Exception {
        ClientTests.assertTornadoNotFound(client.fetch(url("/nowhere")));
    }

    @Test
    void raiseErrorFalseCompletesNormallyWithTheErrorResponse() throws Exception {
        HttpResponse response = await(client.fetch(HttpRequest.builder(url("/status/503")).raiseError(false)
                .build()));

        assertThat(response.code()).isEqualTo(503);
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.text()).isEqualTo("status 503");
        assertThatThrownBy(response::rethrow).isInstanceOf(HttpClientError.class)
                .hasMessage("HTTP 503: Service Unavailable");
    }

    @Test
    void headGetsTheHeadersWithoutABody() throws Exception {
        HttpResponse response = await(client.fetch(HttpRequest.builder(url("/hello")).method("HEAD").build()));

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo("5");
        assertThat(response.bodyLength()).isZero();
    }

    @Test
    void anInvalidRequestIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> HttpRequest.builder("ftp://example.com/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> HttpRequest.builder("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.builder("http://user:pw@example.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> HttpRequest.builder("http://example.com/").body("x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Body must be null for method GET (unless allowNonstandardMethods is true)");
        assertThatThrownBy(() -> HttpRequest.builder("http://example.com/").header("X-Bad", "a\r\nInjected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.builder("http://example.com/").method("GE T"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fetchOnAClosedClientIsRefused() {
        AsyncHttpClient closed = new AsyncHttpClient();
        closed.close();

        assertThatThrownBy(() -> closed.fetch(url("/hello"))).isInstanceOf(IllegalStateException.class);
    }
}
