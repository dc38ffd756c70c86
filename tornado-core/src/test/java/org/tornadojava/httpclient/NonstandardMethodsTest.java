package org.tornadojava.httpclient;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tornado's method and body checks, and {@code allowNonstandardMethods} to skip them. */
class NonstandardMethodsTest {
    private static final String URL = "http://example.com/";

    @Test
    void anUnknownMethodIsRefusedByDefault() {
        assertThatThrownBy(() -> HttpRequest.builder(URL).method("PROPFIND").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method PROPFIND (unless allowNonstandardMethods is true)");
    }

    @Test
    void postPutAndPatchNeedABodyAndTheOthersMustHaveNone() {
        for (String method : new String[] {"POST", "PUT", "PATCH"}) {
            assertThatThrownBy(() -> HttpRequest.builder(URL).method(method).build())
                    .hasMessage("Body must not be null for method " + method
                            + " (unless allowNonstandardMethods is true)");
            assertThat(HttpRequest.builder(URL).method(method).body("").build().hasBody()).isTrue();
            assertThat(HttpRequest.builder(URL).method(method).bodyProducer(write -> write.write(new byte[0]))
                    .build().bodyProducer()).isNotNull();
        }
        for (String method : new String[] {"GET", "HEAD", "DELETE", "OPTIONS"}) {
            assertThatThrownBy(() -> HttpRequest.builder(URL).method(method).body("x").build())
                    .hasMessage("Body must be null for method " + method + " (unless allowNonstandardMethods is true)");
        }
    }

    @Test
    void bothABodyAndAProducerAreRefused() {
        assertThatThrownBy(() -> HttpRequest.builder(URL).method("PUT").body("x")
                .bodyProducer(write -> write.write(new byte[0])).build())
                .hasMessage("a request has either a body or a body producer, not both");
    }

    @Test
    void allowNonstandardMethodsSendsAnyMethodWithOrWithoutBody() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.always(
                "HTTP/1.1 207 Multi-Status\r\nContent-Length: 0\r\n\r\n"));
             AsyncHttpClient client = new AsyncHttpClient()) {
            client.fetch(HttpRequest.builder(server.url("/dav")).method("PROPFIND").body("<propfind/>")
                    .allowNonstandardMethods(true).build()).get(10, TimeUnit.SECONDS);
            client.fetch(HttpRequest.builder(server.url("/empty")).method("POST")
                    .allowNonstandardMethods(true).build()).get(10, TimeUnit.SECONDS);

            assertThat(server.requests()).extracting(ScriptedServer.Request::line)
                    .containsExactly("PROPFIND /dav HTTP/1.1", "POST /empty HTTP/1.1");
            assertThat(new String(server.requests().get(0).body())).isEqualTo("<propfind/>");
            assertThat(server.requests().get(1).headers()).containsEntry("content-length", "0");
        }
    }
}
