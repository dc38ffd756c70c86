package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redirects as Tornado 6.5.6 follows them: the bound, method rewriting and credentials on cross-origin hops. */
class RedirectTest {
    private static TestServer server;
    private static TestServer otherOrigin;
    private static AsyncHttpClient client;

    /** {@code /redirect/CODE?to=URL} answers CODE with {@code Location: URL}. */
    static final class Redirect extends RequestHandler {
        public void get(String code) {
            redirectWith(code);
        }

        public void post(String code) {
            redirectWith(code);
        }

        public void head(String code) {
            redirectWith(code);
        }

        private void redirectWith(String code) {
            setStatus(Integer.parseInt(code));
            setHeader("Location", getArgument("to"));
        }
    }

    /** {@code /chain/N} redirects to {@code /chain/N-1} until 0, which answers {@code done}. */
    static final class Chain extends RequestHandler {
        public void get(String n) {
            int left = Integer.parseInt(n);
            if (left == 0) {
                write("done");
            } else {
                redirect("/chain/" + (left - 1));
            }
        }
    }

    /** Shows what arrived: method, body, and the headers a redirect may drop. */
    static final class Echo extends RequestHandler {
        public void get() {
            echo();
        }

        public void post() {
            echo();
        }

        public void head() {
            setHeader("X-Method", "HEAD");
        }

        private void echo() {
            write(request().method() + " body=" + new String(request().body(), StandardCharsets.UTF_8)
                    + " type=" + request().headers().get("Content-Type")
                    + " auth=" + request().headers().get("Authorization")
                    + " cookie=" + request().headers().get("Cookie")
                    + " keep=" + request().headers().get("X-Keep"));
        }
    }

    @BeforeAll
    static void start() {
        Application app = Application.builder()
                .route("/redirect/([0-9]+)", Redirect::new)
                .route("/chain/([0-9]+)", Chain::new)
                .route("/echo", Echo::new)
                .build();
        server = TestServer.start(app);
        otherOrigin = TestServer.start(app);
        client = new AsyncHttpClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        otherOrigin.close();
    }

    private static String url(String path) {
        return server.getUrl(path);
    }

    private static HttpResponse fetch(HttpRequest request) throws Exception {
        return client.fetch(request).get(10, TimeUnit.SECONDS);
    }

    @Test
    void redirectsAreFollowedToTheFinalResponse() throws Exception {
        HttpResponse response = client.fetch(url("/chain/3")).get(10, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("done");
        assertThat(response.effectiveUrl()).isEqualTo(url("/chain/0"));
        assertThat(response.request().url()).isEqualTo(url("/chain/3"));
    }

    @Test
    void moreRedirectsThanMaxRedirectsFailWithTheLastRedirect() {
        assertThatThrownBy(() -> fetch(HttpRequest.builder(url("/chain/3")).maxRedirects(2).build()))
                .cause()
                .isInstanceOfSatisfying(HttpClientError.class, error -> {
                    assertThat(error.code()).isEqualTo(302);
                    assertThat(error.response().effectiveUrl()).isEqualTo(url("/chain/1"));
                    assertThat(error.response().header("Location")).isEqualTo("/chain/0");
                });
        assertThatThrownBy(() -> client.fetch(url("/chain/6")).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(HttpClientError.class).hasMessage("HTTP 302: Found");
    }

    @Test
    void exactlyMaxRedirectsAreFollowed() throws Exception {
        assertThat(client.fetch(url("/chain/5")).get(10, TimeUnit.SECONDS).text()).isEqualTo("done");
    }

    @Test
    void withoutFollowRedirectsTheRedirectIsTheResponse() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(url("/chain/1")).followRedirects(false)
                .raiseError(false).build());

        assertThat(response.code()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/chain/0");
    }

    @ParameterizedTest(name = "{0} after POST -> {1}")
    @CsvSource({
        "301, GET body= type=null",
        "302, GET body= type=null",
        "303, GET body= type=null",
        "307, POST body=payload type=text/plain",
        "308, POST body=payload type=text/plain",
    })
    void postRedirectsChangeTheMethodAsTornadoDoes(int code, String expected) throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(url("/redirect/" + code + "?to=/echo")).method("POST")
                .header("Content-Type", "text/plain").body("payload").build());

        assertThat(response.text()).startsWith(expected);
    }

    @Test
    void aHeadRequestStaysHeadAfterSeeOther() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(url("/redirect/303?to=/echo")).method("HEAD").build());

        assertThat(response.header("X-Method")).isEqualTo("HEAD");
    }

    @Test
    void aSameOriginRedirectKeepsCredentials() throws Exception {
        HttpResponse response = fetch(withCredentials(url("/redirect/302?to=/echo")));

        assertThat(response.text()).isEqualTo("GET body= type=null auth=Bearer secret cookie=session=1 keep=yes");
    }

    @Test
    void aCrossOriginRedirectDropsAuthorizationAndCookieButKeepsOtherHeaders() throws Exception {
        String elsewhere = "http://127.0.0.1:" + otherOrigin.port() + "/echo";
        HttpResponse response = fetch(withCredentials(url("/redirect/302?to=" + elsewhere)));

        assertThat(response.effectiveUrl()).isEqualTo(elsewhere);
        assertThat(response.text()).isEqualTo("GET body= type=null auth=null cookie=null keep=yes");
    }

    private static HttpRequest withCredentials(String url) {
        return HttpRequest.builder(url).header("Authorization", "Bearer secret").header("Cookie", "session=1")
                .header("X-Keep", "yes").build();
    }

    @Test
    void aRedirectWithoutAUsableLocationIsTheResponse() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(url("/redirect/302?to=ftp://example.com/"))
                .raiseError(false).build());

        assertThat(response.code()).isEqualTo(302);
    }
}
