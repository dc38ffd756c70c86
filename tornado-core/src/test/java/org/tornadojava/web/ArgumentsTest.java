package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.UploadedFile;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Lists the request's argument maps, Tornado's request.arguments, query_arguments, body_arguments, files. */
    static final class Fields extends RequestHandler {
        public void post() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("arguments", request().arguments());
            out.put("query", request().queryArguments());
            out.put("body", request().bodyArguments());
            Map<String, List<String>> files = new LinkedHashMap<>();
            request().files().forEach((name, list) -> files.put(name, list.stream().map(UploadedFile::filename)
                    .toList()));
            out.put("files", files);
            out.put("unmodifiable", unmodifiable(request().arguments()) && unmodifiable(request().files())
                    && unmodifiable(request().queryArguments().get("q")));
            write(out);
        }

        private static boolean unmodifiable(Object collection) {
            try {
                if (collection instanceof Map<?, ?> map) {
                    map.clear();
                } else {
                    ((List<?>) collection).clear();
                }
                return false;
            } catch (UnsupportedOperationException e) {
                return true;
            }
        }
    }

    /** Answers the SHA-256 of the raw body and never asks for arguments. */
    static final class RawBody extends RequestHandler {
        public void put() throws Exception {
            write(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(request().body())));
        }

        public void post() {
            write(request().bodyArguments().toString());
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/echo", Echo::new)
                .route("/required", Required::new)
                .route("/upload", Upload::new)
                .route("/fields", Fields::new)
                .route("/raw", RawBody::new)
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
        RawResponse response = postMultipart("/upload",
                "Content-Disposition: form-data; name=\"title\"\r\n\r\nMy report",
                "Content-Disposition: form-data; name=\"doc\"; filename=\"r.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nfile contents é");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("My report|r.txt|text/plain|file contents é");
    }

    @Test
    void requestArgumentMapsListEveryFieldAndCannotBeModified() throws Exception {
        RawResponse response = postMultipart("/fields?q=1&q=&z=%C3%A9",
                "Content-Disposition: form-data; name=\"q\"\r\n\r\nbody q",
                "Content-Disposition: form-data; name=\"title\"\r\n\r\nMy report",
                "Content-Disposition: form-data; name=\"doc\"; filename=\"r.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\nfile contents");
        assertThat(response.text()).isEqualTo("{"
                + "\"arguments\":{\"q\":[\"1\",\"\",\"body q\"],\"z\":[\"é\"],\"title\":[\"My report\"]},"
                + "\"query\":{\"q\":[\"1\",\"\"],\"z\":[\"é\"]},"
                + "\"body\":{\"q\":[\"body q\"],\"title\":[\"My report\"]},"
                + "\"files\":{\"doc\":[\"r.txt\"]},"
                + "\"unmodifiable\":true}");
    }

    @Test
    void binaryBodyLabelledAsAFormReachesTheHandlerIntactWhenNobodyAsksForArguments() throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + 7);
        }
        binary[10] = '%';
        binary[11] = 'F';
        binary[12] = 'F';
        RawResponse response = server.send("PUT", "/raw", "Content-Type: application/x-www-form-urlencoded\r\n",
                binary);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(binary)));
    }

    @Test
    void undecodableFormBodyIs400OnlyWhenTheHandlerAsksForItsArguments() throws Exception {
        RawResponse asked = server.send("POST", "/raw", "Content-Type: application/x-www-form-urlencoded\r\n",
                "a=%FF%FE".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.reason()).isEqualTo("Bad Request");
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

    /** POSTs a multipart/form-data body made of the given parts (headers, blank line, content). */
    private static RawResponse postMultipart(String path, String... parts) throws IOException {
        String boundary = "XyZ123";
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return server.send("POST", path, "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
