package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Basic and digest authentication ({@code authUsername}, {@code authPassword}, {@code authMode}). */
class AuthTest {
    private static final String REALM = "tornado-java test";
    private static final String NONCE = "f1e2d3c4b5a6";
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static TestServer server;

    /** Requires {@code Basic} credentials of user {@code ana}, password {@code pässword}. */
    static final class BasicProtected extends RequestHandler {
        public void get() {
            String authorization = request().headers().get("Authorization");
            AUTHORIZATIONS.add(String.valueOf(authorization));
            String expected = "Basic " + Base64.getEncoder().encodeToString("ana:pässword"
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                setStatus(401);
                setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                return;
            }
            write("hello ana");
        }
    }

    /** Requires digest credentials of user {@code bob}, password {@code secret} (MD5, qop=auth). */
    static final class DigestProtected extends RequestHandler {
        public void get() throws Exception {
            check();
        }

        public void put() throws Exception {
            check();
        }

        private void check() throws Exception {
            String authorization = request().headers().get("Authorization");
            AUTHORIZATIONS.add(String.valueOf(authorization));
            if (authorization == null || !authorization.startsWith("Digest ")
                    || !validDigest(DigestAuth.parseParameters(authorization.substring(7)))) {
                setStatus(401);
                setHeader("WWW-Authenticate", "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + NONCE
                        + "\", opaque=\"op4que\"");
                write("who are you?");
                return;
            }
            write("hello bob, " + request().body().length + " bytes");
        }

        private boolean validDigest(Map<String, String> answer) throws Exception {
            String secret = md5("bob:" + REALM + ":secret");
            String target = md5(request().method() + ":" + answer.get("uri"));
            String expected = md5(secret + ":" + NONCE + ":" + answer.get("nc") + ":" + answer.get("cnonce")
                    + ":auth:" + target);
            return answer.get("uri").equals(request().uri()) && "op4que".equals(answer.get("opaque"))
                    && expected.equals(answer.get("response"));
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/basic", BasicProtected::new)
                .route("/digest", DigestProtected::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse fetch(HttpRequest request) throws Exception {
        AUTHORIZATIONS.clear();
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            return client.fetch(request).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void basicCredentialsGoOutOnTheFirstRequest() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(server.getUrl("/basic"))
                .authUsername("ana").authPassword("pässword").build());

        assertThat(response.text()).isEqualTo("hello ana");
        assertThat(AUTHORIZATIONS).hasSize(1);
    }

    @Test
    void wrongBasicCredentialsGiveThe401() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(server.getUrl("/basic"))
                .authUsername("ana").authPassword("guess").raiseError(false).build());

        assertThat(response.code()).isEqualTo(401);
    }

    @Test
    void digestAnswersTheChallengeOnce() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(server.getUrl("/digest?page=1"))
                .authUsername("bob").authPassword("secret").authMode(AuthMode.DIGEST).build());

        assertThat(response.text()).isEqualTo("hello bob, 0 bytes");
        assertThat(AUTHORIZATIONS).hasSize(2);
        assertThat(AUTHORIZATIONS.get(0)).isEqualTo("null");
        assertThat(AUTHORIZATIONS.get(1)).startsWith("Digest username=\"bob\", realm=\"" + REALM + "\"")
                .contains("uri=\"/digest?page=1\"");
    }

    @Test
    void aRefusedDigestAnswerReturnsThe401WithoutAThirdTry() throws Exception {
        HttpResponse response = fetch(HttpRequest.builder(server.getUrl("/digest"))
                .authUsername("bob").authPassword("wrong").authMode(AuthMode.DIGEST).raiseError(false).build());

        assertThat(response.code()).isEqualTo(401);
        assertThat(response.text()).isEqualTo("who are you?");
        assertThat(AUTHORIZATIONS).hasSize(2);
    }

    @Test
    void aProducedBodyIsProducedAgainForTheDigestAnswer() throws Exception {
        byte[] body = "twelve bytes".getBytes(StandardCharsets.UTF_8);

        HttpResponse response = fetch(HttpRequest.builder(server.getUrl("/digest")).method("PUT")
                .authUsername("bob").authPassword("secret").authMode(AuthMode.DIGEST)
                .bodyProducer(write -> write.write(body)).build());

        assertThat(response.text()).isEqualTo("hello bob, 12 bytes");
    }
}
