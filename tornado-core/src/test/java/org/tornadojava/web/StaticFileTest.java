package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's StaticFileTest, StaticDefaultFilenameTest and StaticDefaultFilenameRootTest over a socket. */
class StaticFileTest {
    static final String ROBOTS = StaticTree.ROBOTS;
    /** Tornado's robots_txt_hash: the same bytes give the same version as in Python. */
    static final String ROBOTS_HASH = "63a36e950e134b5217e33c763e88840c10a07d80e6057d92b9ac97508de7fb1f"
            + "a6f0e9b7531e169657165ea764e8963399cb6d921ffe6078425aaafe54c04563";
    static final Instant MODIFIED = StaticTree.MODIFIED;
    static final String LAST_MODIFIED = "Wed, 01 Jan 2020 00:00:00 GMT";
    static final byte[] BIG = new byte[5 * 1024 * 1024 + 123];

    @TempDir
    static Path temp;
    static Path root;
    private static TestServer server;
    private static TestServer withIndex;
    private static TestServer rootPrefix;

    static final class StaticUrl extends RequestHandler {
        public void get(String path) {
            write(staticUrl(path));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        root = StaticTree.create(temp);
        Files.writeString(root.resolve("sample.xml"), "<a/>");
        Files.write(root.resolve("sample.xml.gz"), new byte[] {0x1f, (byte) 0x8b});
        Files.write(root.resolve("sample.xml.bz2"), new byte[] {'B', 'Z'});
        Files.writeString(root.resolve("style.css"), "body{}");
        Files.writeString(root.resolve("app.js"), "1;");
        Files.writeString(root.resolve("data.qqq"), "?");
        Files.writeString(root.resolve("empty.txt"), "");
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("dir/index.html"), "this is the index\n");
        new Random(5).nextBytes(BIG);
        Files.write(root.resolve("big.bin"), BIG);
        server = TestServer.start(Application.builder()
                .staticPath(root)
                .route("/static_url/(.*)", StaticUrl::new)
                .accessLog(false)
                .build());
        withIndex = TestServer.start(Application.builder()
                .staticPath(root)
                .staticHandlerArgs(Map.of("default_filename", "index.html"))
                .accessLog(false)
                .build());
        rootPrefix = TestServer.start(Application.builder()
                .staticPath(root)
                .staticUrlPrefix("/")
                .staticHandlerArgs(Map.of("default_filename", "index.html"))
                .accessLog(false)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
        withIndex.close();
        rootPrefix.close();
    }

    /** Tornado's get_and_head: GET and HEAD must agree on every Content-* header; returns the GET. */
    private static RawResponse getAndHead(String path, String headers) throws Exception {
        RawResponse head = server.send("HEAD", path, headers, null);
        RawResponse get = server.send("GET", path, headers, null);
        assertThat(head.status()).isEqualTo(get.status());
        TreeSet<String> names = new TreeSet<>();
        for (String name : get.headerNames()) {
            if (name.toLowerCase().startsWith("content-")) {
                names.add(name);
            }
        }
        for (String name : head.headerNames()) {
            if (name.toLowerCase().startsWith("content-")) {
                names.add(name);
            }
        }
        for (String name : names) {
            assertThat(head.header(name)).as(name + " differs between GET and HEAD").isEqualTo(get.header(name));
        }
        assertThat(head.body()).isEmpty();
        return get;
    }

    private static String sha(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    @Test
    void filesAreServedUnderThePrefixAndAtRobotsTxt() throws Exception {
        RawResponse response = server.get("/static/robots.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo(ROBOTS);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.header("Content-Length")).isEqualTo("26");
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Last-Modified")).isEqualTo(LAST_MODIFIED);
        assertThat(response.header("Cache-Control")).isNull();
        assertThat(response.header("Expires")).isNull();
        assertThat(server.get("/robots.txt").text()).isEqualTo(ROBOTS);
        assertThat(server.get("/static/sub/file.txt").text()).isEqualTo("inside");
        assertThat(server.get("/static/good-link").text()).isEqualTo(ROBOTS);
        assertThat(server.get("/static/empty.txt").header("Content-Length")).isEqualTo("0");
    }

    @Test
    void aVersionArgumentMakesTheFileCacheableForTenYears() throws Exception {
        RawResponse response = server.get("/robots.txt?v=12345");
        assertThat(response.text()).isEqualTo(ROBOTS);
        assertThat(response.header("Cache-Control")).isEqualTo("max-age=315360000");
        assertThat(response.header("Expires")).isNotNull();
    }

    @Test
    void contentTypesComeFromTheFileName() throws Exception {
        assertThat(server.get("/static/sample.xml.gz").header("Content-Type")).isEqualTo("application/gzip");
        assertThat(server.get("/static/sample.xml.bz2").header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(server.get("/static/sample.xml").header("Content-Type")).isIn("text/xml", "application/xml");
        assertThat(server.get("/static/style.css").header("Content-Type")).isEqualTo("text/css");
        assertThat(server.get("/static/app.js").header("Content-Type")).isEqualTo("text/javascript");
        assertThat(server.get("/static/data.qqq").header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(server.get("/static/dir/index.html").header("Content-Type")).isEqualTo("text/html");
    }

    @Test
    void staticUrlAddsTheSha512VersionLikeTornado() throws Exception {
        assertThat(server.get("/static_url/robots.txt").text()).isEqualTo("/static/robots.txt?v=" + ROBOTS_HASH);
        assertThat(server.get("/static_url/missing.txt").text()).isEqualTo("/static/missing.txt");
    }

    @Test
    void theEtagIsTheQuotedSha512OfTheContent() throws Exception {
        assertThat(getAndHead("/static/robots.txt", null).header("Etag")).isEqualTo("\"" + ROBOTS_HASH + "\"");
    }

    @Test
    void ifNoneMatchGives304() throws Exception {
        String etag = getAndHead("/static/robots.txt", null).header("Etag");
        RawResponse response = getAndHead("/static/robots.txt", "If-None-Match: " + etag + "\r\n");
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Content-Type")).isNull();
        assertThat(response.header("Etag")).isEqualTo(etag);
    }

    @Test
    void ifModifiedSinceTheLastModificationGives304WithoutContentLength() throws Exception {
        String lastModified = getAndHead("/static/robots.txt", null).header("Last-Modified");
        RawResponse response = getAndHead("/static/robots.txt", "If-Modified-Since: " + lastModified + "\r\n");
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.header("Content-Length")).isNull();
    }

    @Test
    void aMismatchedIfNoneMatchWinsOverAMatchingIfModifiedSince() throws Exception {
        RawResponse response = getAndHead("/static/robots.txt", "If-None-Match: \"MISMATCH\"\r\n"
                + "If-Modified-Since: " + LAST_MODIFIED + "\r\n");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void invalidOrPreEpochIfModifiedSinceIsIgnored() throws Exception {
        assertThat(getAndHead("/static/robots.txt", "If-Modified-Since: !nv@l!d\r\n").status()).isEqualTo(200);
        assertThat(getAndHead("/static/robots.txt", "If-Modified-Since: Fri, 01 Jan 1960 00:00:00 GMT\r\n")
                .status()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceComparesWholeSecondsInGmt() throws Exception {
        assertThat(getAndHead("/static/robots.txt", "If-Modified-Since: Tue, 31 Dec 2019 23:59:59 GMT\r\n")
                .status()).isEqualTo(200);
        assertThat(getAndHead("/static/robots.txt", "If-Modified-Since: Wed, 01 Jan 2020 00:00:01 GMT\r\n")
                .status()).isEqualTo(304);
    }

    @Test
    void aRangeGives206WithContentRangeAndTheWholeFilesEtag() throws Exception {
        RawResponse response = getAndHead("/static/robots.txt", "Range: bytes=0-9\r\n");
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.text()).isEqualTo("User-agent");
        assertThat(response.header("Etag")).isEqualTo("\"" + ROBOTS_HASH + "\"");
        assertThat(response.header("Content-Length")).isEqualTo("10");
        assertThat(response.header("Content-Range")).isEqualTo("bytes 0-9/26");
    }

    @Test
    void rangesCoveringTheWholeFileGive200() throws Exception {
        for (String range : new String[] {"bytes=0-", "bytes=0-10000000", "bytes=-1000000"}) {
            RawResponse response = getAndHead("/static/robots.txt", "Range: " + range + "\r\n");
            assertThat(response.status()).as(range).isEqualTo(200);
            assertThat(response.text()).isEqualTo(ROBOTS);
            assertThat(response.header("Content-Length")).isEqualTo("26");
            assertThat(response.header("Content-Range")).isNull();
        }
    }

    @Test
    void partialRangesPastTheEndAndSuffixesAreClamped() throws Exception {
        RawResponse pastEnd = getAndHead("/static/robots.txt", "Range: bytes=1-10000000\r\n");
        assertThat(pastEnd.status()).isEqualTo(206);
        assertThat(pastEnd.text()).isEqualTo(ROBOTS.substring(1));
        assertThat(pastEnd.header("Content-Length")).isEqualTo("25");
        assertThat(pastEnd.header("Content-Range")).isEqualTo("bytes 1-25/26");
        for (String range : new String[] {"bytes=22-", "bytes=-4"}) {
            RawResponse response = getAndHead("/static/robots.txt", "Range: " + range + "\r\n");
            assertThat(response.text()).isEqualTo(": /\n");
            assertThat(response.header("Content-Length")).isEqualTo("4");
            assertThat(response.header("Content-Range")).isEqualTo("bytes 22-25/26");
        }
    }

    @Test
    void anUnparsableRangeIsIgnored() throws Exception {
        assertThat(getAndHead("/static/robots.txt", "Range: asdf\r\n").status()).isEqualTo(200);
    }

    @Test
    void unsatisfiableRangesGive416WithTheSize() throws Exception {
        for (String range : new String[] {"bytes=-0", "bytes=26", "bytes=10-3"}) {
            RawResponse response = getAndHead("/static/robots.txt", "Range: " + range + "\r\n");
            assertThat(response.status()).as(range).isEqualTo(416);
            assertThat(response.header("Content-Range")).isEqualTo("bytes */26");
            assertThat(response.body()).isEmpty();
        }
    }

    @Test
    void headSendsTheHeadersOfTheFileWithoutItsBody() throws Exception {
        try (RawHttpClient client = server.connect()) {
            String host = "Host: 127.0.0.1\r\n";
            RawResponse head = client.request("HEAD /static/robots.txt HTTP/1.1\r\n" + host + "\r\n", "HEAD");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("26");
            assertThat(head.header("Etag")).isEqualTo("\"" + ROBOTS_HASH + "\"");
            RawResponse headRange = client.request("HEAD /static/robots.txt HTTP/1.1\r\n" + host
                    + "Range: bytes=1-4\r\n\r\n", "HEAD");
            assertThat(headRange.status()).isEqualTo(206);
            assertThat(headRange.header("Content-Length")).isEqualTo("4");
            RawResponse after = client.request("GET /static/sub/file.txt HTTP/1.1\r\n" + host + "\r\n", "GET");
            assertThat(after.text()).isEqualTo("inside");
        }
    }

    @Test
    void aRangeWithAMatchingIfNoneMatchGives304() throws Exception {
        RawResponse response = getAndHead("/static/robots.txt", "Range: bytes=1-4\r\n"
                + "If-None-Match: \"" + ROBOTS_HASH + "\"\r\n");
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Etag")).isEqualTo("\"" + ROBOTS_HASH + "\"");
    }

    @Test
    void aMissingFileIs404() throws Exception {
        assertThat(getAndHead("/static/blarg", null).status()).isEqualTo(404);
    }

    @Test
    void aLargeFileArrivesByteIdenticalAndTheConnectionStaysUsable() throws Exception {
        try (RawHttpClient client = server.connect()) {
            String host = "Host: 127.0.0.1\r\n";
            client.write("GET /static/big.bin HTTP/1.1\r\n" + host + "\r\nGET /static/big.bin HTTP/1.1\r\n" + host
                    + "Range: bytes=1000000-3999999\r\n\r\nGET /static/robots.txt HTTP/1.1\r\n" + host + "\r\n");
            RawResponse whole = client.read("GET");
            assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(BIG.length));
            assertThat(sha("SHA-256", whole.body())).isEqualTo(sha("SHA-256", BIG));
            assertThat(whole.header("Etag")).isEqualTo("\"" + sha("SHA-512", BIG) + "\"");
            RawResponse range = client.read("GET");
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(BIG, 1_000_000, 4_000_000));
            assertThat(client.read("GET").text()).isEqualTo(ROBOTS);
        }
    }

    @Test
    void theCachedVersionIsRecomputedWhenTheFileChanges() throws Exception {
        Path file = root.resolve("changing.txt");
        Files.writeString(file, "version one");
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
        String first = server.get("/static/changing.txt").header("Etag");
        assertThat(first).isEqualTo("\"" + sha("SHA-512", "version one".getBytes(StandardCharsets.UTF_8)) + "\"");
        Files.writeString(file, "version two");
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
        String sameSizeSameTime = server.get("/static/changing.txt").header("Etag");
        assertThat(sameSizeSameTime).as("unchanged stat: the cached hash is kept").isEqualTo(first);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED.plusSeconds(60)));
        RawResponse changed = server.get("/static/changing.txt");
        assertThat(changed.text()).isEqualTo("version two");
        assertThat(changed.header("Etag"))
                .isEqualTo("\"" + sha("SHA-512", "version two".getBytes(StandardCharsets.UTF_8)) + "\"");
        Files.writeString(file, "version three, longer");
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED.plusSeconds(60)));
        assertThat(server.get("/static/changing.txt").header("Etag"))
                .isEqualTo("\"" + sha("SHA-512", "version three, longer".getBytes(StandardCharsets.UTF_8)) + "\"");
    }

    @Test
    void aDirectoryIsForbiddenWithoutADefaultFilename() throws Exception {
        assertThat(server.get("/static/dir").status()).isEqualTo(403);
        assertThat(server.get("/static/dir/").status()).isEqualTo(403);
        assertThat(server.get("/static/").status()).isEqualTo(403);
    }

    @Test
    void aDefaultFilenameServesDirectoriesAndRedirectsToTheTrailingSlash() throws Exception {
        RawResponse index = withIndex.get("/static/dir/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).isEqualTo("this is the index\n");
        RawResponse redirect = withIndex.get("/static/dir");
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo("/static/dir/");
        assertThat(withIndex.get("/static/sub/").status()).isEqualTo(404);
    }

    @Test
    void aPathStartingWithTwoSlashesIsNotRedirectedToAnotherHost() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            RawResponse response = rootPrefix.get("//evil.com/../" + root.toRealPath() + "/dir");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Location")).isNull();
            logs.await("tornado.general", "cannot redirect path with two initial slashes");
        }
    }
}
