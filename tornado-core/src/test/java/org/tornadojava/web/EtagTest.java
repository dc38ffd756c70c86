package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ETag policy and conditional GET (Tornado's Header304Test and CacheTest, DESIGN.md seed 000). */
class EtagTest {
    private static TestServer contentHash;
    private static TestServer weak;
    private static TestServer disabled;

    static final class Page extends RequestHandler {
        public void get() {
            setHeader("Content-Language", "en_US");
            setHeader("Cache-Control", "private, max-age=60");
            setHeader("Vary", "Cookie");
            setHeader("Expires", "Thu, 01 Jan 2037 00:00:00 GMT");
            setHeader("Content-Location", "/page.html");
            setCookie("seen", "yes");
            write("hello");
        }

        public void post() {
            write("hello");
        }
    }

    /** Tornado's CacheTest handler: the tag is the first path group. */
    static final class GivenTag extends RequestHandler {
        private String tag;

        public void get(String tag) {
            this.tag = tag;
            write(tag);
        }

        @Override
        protected String computeEtag() {
            return tag;
        }
    }

    /** Seed 000: a login page whose bytes never change while what it does does. */
    static final class LoginForm extends RequestHandler {
        public void get() {
            write("<form method=post><input name=username></form>");
        }

        @Override
        protected String computeEtag() {
            return null;
        }
    }

    static final class Created extends RequestHandler {
        public void get() {
            setStatus(201);
            write("created");
        }
    }

    static final class Flushed extends RequestHandler {
        public CompletionStage<Void> get() {
            write("part one,");
            return flush().thenCompose(done -> finish("part two"));
        }
    }

    static final class OwnTag extends RequestHandler {
        public void get() {
            setHeader("Etag", "\"v1\"");
            write("versioned");
        }
    }

    static final class Empty extends RequestHandler {
        public void get() {
        }
    }

    private static Application app(EtagPolicy policy) {
        return Application.builder()
                .etagPolicy(policy)
                .route("/page", Page::new)
                .route("/etag/(.*)", GivenTag::new)
                .route("/login", LoginForm::new)
                .route("/created", Created::new)
                .route("/flushed", Flushed::new)
                .route("/own", OwnTag::new)
                .route("/empty", Empty::new)
                .accessLog(false)
                .build();
    }

    @BeforeAll
    static void start() {
        contentHash = TestServer.start(app(EtagPolicy.CONTENT_HASH));
        weak = TestServer.start(app(EtagPolicy.WEAK));
        disabled = TestServer.start(app(EtagPolicy.DISABLED));
    }

    @AfterAll
    static void stop() {
        contentHash.close();
        weak.close();
        disabled.close();
    }

    private static RawResponse get(TestServer server, String path, String ifNoneMatch) throws Exception {
        return server.send("GET", path, "If-None-Match: " + ifNoneMatch + "\r\n", null);
    }

    @Test
    void contentHashTagIsTheQuotedSha1OfTheBody() throws Exception {
        RawResponse response = contentHash.get("/page");
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.header("Etag")).isEqualTo("\"" + sha1 + "\"");
        assertThat(contentHash.get("/empty").header("Etag")).isEqualTo("\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"");
    }

    @Test
    void matchingIfNoneMatchGives304WithoutBodyOrRepresentationHeaders() throws Exception {
        RawResponse first = contentHash.get("/page");
        assertThat(first.header("Content-Length")).isEqualTo("5");
        assertThat(first.header("Content-Language")).isEqualTo("en_US");

        RawResponse second = get(contentHash, "/page", first.header("Etag"));
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(second.header("Content-Length")).isNull();
        assertThat(second.header("Content-Language")).isNull();
        assertThat(second.header("Content-Type")).isNull();
        assertThat(second.header("Transfer-Encoding")).isNull();
        assertThat(second.header("Etag")).isEqualTo(first.header("Etag"));
        assertThat(second.header("Date")).isNotNull();
        assertThat(second.header("Cache-Control")).isEqualTo("private, max-age=60");
        assertThat(second.header("Vary")).isEqualTo("Cookie");
        assertThat(second.header("Expires")).isEqualTo("Thu, 01 Jan 2037 00:00:00 GMT");
        assertThat(second.header("Content-Location")).isEqualTo("/page.html");
        assertThat(second.header("Set-Cookie")).isEqualTo("seen=yes; Path=/");
    }

    @Test
    void headGetsTheSameTagAndItsOwn304() throws Exception {
        RawResponse get = contentHash.get("/page");
        RawResponse head = contentHash.send("HEAD", "/page", null, null);
        assertThat(head.header("Etag")).isEqualTo(get.header("Etag"));
        assertThat(head.header("Content-Length")).isEqualTo("5");
        assertThat(contentHash.send("HEAD", "/page", "If-None-Match: " + get.header("Etag") + "\r\n", null)
                .status()).isEqualTo(304);
    }

    @Test
    void ifNoneMatchListsWildcardsAndWeakTagsFollowTornadosCacheTest() throws Exception {
        assertThat(get(contentHash, "/etag/\"xyzzy\"", "*").status()).isEqualTo(304);
        assertThat(get(contentHash, "/etag/\"xyzzy\"", "\"xyzzy\"").status()).isEqualTo(304);
        assertThat(get(contentHash, "/etag/\"xyzzy1\"", "\"xyzzy1\", \"xyzzy2\"").status()).isEqualTo(304);
        assertThat(get(contentHash, "/etag/\"xyzzy\"", "\"xyzzy1\"").status()).isEqualTo(200);
        assertThat(get(contentHash, "/etag/\"xyzzy\"", "\"xyzzy1\", \"xyzzy2\"").status()).isEqualTo(200);
        assertThat(get(contentHash, "/etag/\"xyzzy1\"", "W/\"xyzzy1\"").status()).isEqualTo(304);
        assertThat(get(contentHash, "/etag/\"xyzzy2\"", "W/\"xyzzy1\", W/\"xyzzy2\"").status()).isEqualTo(304);
        assertThat(get(contentHash, "/etag/\"xyzzy2\"", "W/\"xyzzy1\"").status()).isEqualTo(200);
        assertThat(get(contentHash, "/etag/\"xyzzy3\"", "W/\"xyzzy1\", W/\"xyzzy2\"").status()).isEqualTo(200);
    }

    @Test
    void weakPolicyTagsAreWeakAndStillMatch() throws Exception {
        RawResponse first = weak.get("/page");
        assertThat(first.header("Etag")).startsWith("W/\"").hasSize(2 + 40 + 2);
        assertThat(get(weak, "/page", first.header("Etag")).status()).isEqualTo(304);
        assertThat(get(weak, "/page", first.header("Etag").substring(2)).status()).isEqualTo(304);
    }

    @Test
    void disabledPolicyNeitherTagsNorAnswers304() throws Exception {
        RawResponse first = disabled.get("/page");
        assertThat(first.header("Etag")).isNull();
        assertThat(get(disabled, "/page", "*").status()).isEqualTo(200);
    }

    @Test
    void aHandlerReturningNullFromComputeEtagIsNeverAnswered304() throws Exception {
        RawResponse first = contentHash.get("/login");
        assertThat(first.header("Etag")).isNull();
        RawResponse second = get(contentHash, "/login", "*");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).contains("<form");
    }

    @Test
    void onlyUnflushedGetAndHead200AnswersAreTagged() throws Exception {
        assertThat(contentHash.send("POST", "/page", null, new byte[0]).header("Etag")).isNull();
        assertThat(contentHash.get("/created").header("Etag")).isNull();
        assertThat(get(contentHash, "/created", "*").status()).isEqualTo(201);
        RawResponse flushed = get(contentHash, "/flushed", "*");
        assertThat(flushed.status()).isEqualTo(200);
        assertThat(flushed.header("Etag")).isNull();
        assertThat(flushed.text()).isEqualTo("part one,part two");
        assertThat(contentHash.get("/missing").header("Etag")).isNull();
    }

    @Test
    void anEtagSetByTheHandlerIsKeptAndNotConditionallyChecked() throws Exception {
        assertThat(contentHash.get("/own").header("Etag")).isEqualTo("\"v1\"");
        assertThat(get(contentHash, "/own", "\"v1\"").status()).isEqualTo(200);
    }

    @Test
    void policyNamesParseFromConfiguration() {
        assertThat(EtagPolicy.fromPropertyValue("content-hash")).isEqualTo(EtagPolicy.CONTENT_HASH);
        assertThat(EtagPolicy.fromPropertyValue(" WEAK ")).isEqualTo(EtagPolicy.WEAK);
        assertThat(EtagPolicy.fromPropertyValue("disabled")).isEqualTo(EtagPolicy.DISABLED);
        assertThat(EtagPolicy.fromPropertyValue("content_hash")).isEqualTo(EtagPolicy.CONTENT_HASH);
        assertThatThrownBy(() -> EtagPolicy.fromPropertyValue("sha1"))
                .hasMessageContaining("'sha1'");
    }
}
