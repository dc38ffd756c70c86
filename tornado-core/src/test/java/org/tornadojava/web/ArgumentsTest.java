package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentsTest {
    private static TestServer server;

    static final class Echo extends RequestHandler {
        public void get() {
            post();
        }

        public void post() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("a", getArgument("a", null));
            out.put("all", getArguments("a"));
            out.put("query", getQueryArguments("a"));
            out.put("body", getBodyArguments("a"));
            out.put("raw", getArgument("raw", null, false));
            write(out);
        }
    }

    static final class Required extends RequestHandler {
        public void get() {
            write("name=" + getArgument("name"));
        }
    }

    static final class Upload extends RequestHandler {
        public void post() {
            UploadedFile file = getFiles("doc").get(0);
            write(getBodyArgument("title") + "|" + file.filename() + "|" + file.contentType() + "|"
                    + new String(file.body(), StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/echo", Echo::new)
                .route("/required", Required::new)
                .route("/upload", Upload::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void queryArgumentsAreDecodedAndKeepBlankValues() throws Exception {
        RawResponse response = server.get("/echo?a=1&a=h%C3%A9+llo&raw=&x");
        assertThat(response.text()).isEqualTo(
                "{\"a\":\"hé llo\",\"all\":[\"1\",\"hé llo\"],\"query\":[\"1\",\"hé llo\"],\"body\":[],\"raw\":\"\"}");
    }

    @Test
    void bodyValueBeatsQueryValueAndPluralMergesQueryThenBody() throws Exception {
        RawResponse response = server.send("POST", "/echo?a=fromquery",
                "Content-Type: application/x-www-form-urlencoded\r\n", "a=frombody".getBytes());
        assertThat(response.text()).startsWith(
                "{\"a\":\"frombody\",\"all\":[\"fromquery\",\"frombody\"],"
                        + "\"query\":[\"fromquery\"],\"body\":[\"frombody\"]");
    }

    @Test
    void valuesAreStrippedAndControlCharactersBecomeSpacesUnlessStripIsOff() throws Exception {
        RawResponse response = server.get("/echo?a=%20%01x%02%20&raw=%20y%20");
        assertThat(response.text()).contains("\"a\":\"x\"").contains("\"raw\":\" y \"");
    }

    @Test
    void missingRequiredArgumentIs400() throws Exception {
        RawResponse response = server.get("/required");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("Missing argument name");
        assertThat(server.get("/required?name=x").text()).isEqualTo("name=x");
    }

    @Test
    void invalidUtf8InArgumentsIs400() throws Exception {
        assertThat(server.get("/echo?a=%FF%FE").status()).isEqualTo(400);
        assertThat(server.send("POST", "/echo", "Content-Type: application/x-www-form-urlencoded\r\n",
                "a=%C3%28".getBytes()).status()).isEqualTo(400);
    }

    @Test
    void multipartBodiesGiveArgumentsAndFiles() throws Exception {
        String boundary = "XyZ123";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "My report\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"doc\"; filename=\"r.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "file contents é\r\n"
                + "--" + boundary + "--\r\n";
        RawResponse response = server.send("POST", "/upload",
                "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("My report|r.txt|text/plain|file contents é");
    }

    @Test
    void brokenMultipartIs400() throws Exception {
        RawResponse response = server.send("POST", "/upload", "Content-Type: multipart/form-data\r\n",
                "garbage without boundary".getBytes());
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aMultipartBodyCutInsideAPartIs400AndLeaksNothing() throws Exception {
        for (int i = 0; i < 20; i++) {
            String body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunfinished value";
            RawResponse response = server.send("POST", "/upload", "Content-Type: multipart/form-data; boundary=XyZ\r\n",
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(400);
        }
    }
}
