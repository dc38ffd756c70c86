package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that try to leave the static folder, sent as raw request lines. Each answers 403 or 404, never a byte
 * of a file outside the folder (every outside file contains {@code TOP SECRET}), and with at most one log line.
 */
class StaticPathTraversalTest {
    @TempDir
    static Path temp;
    private static TestServer server;
    private static String absoluteSecret;

    @BeforeAll
    static void start() throws Exception {
        Path root = StaticTree.create(temp);
        absoluteSecret = temp.toRealPath().resolve("secret.txt").toString();
        server = TestServer.start(Application.builder().staticPath(root).accessLog(false).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The attack paths and the status each gets. */
    static List<Object[]> attacks() {
        return List.of(
                new Object[] {"/static/../secret.txt", 403},
                new Object[] {"/static/../pom.xml", 403},
                new Object[] {"/static/../static_foo.txt", 403},
                new Object[] {"/static/%2e%2e/secret.txt", 403},
                new Object[] {"/static/%2E%2E/secret.txt", 403},
                new Object[] {"/static/.%2e/secret.txt", 403},
                new Object[] {"/static/..%2fsecret.txt", 403},
                new Object[] {"/static/..%2Fsecret.txt", 403},
                new Object[] {"/static/%2e%2e%2fsecret.txt", 403},
                new Object[] {"/static/sub/../../secret.txt", 403},
                new Object[] {"/static/sub/%2e%2e/%2e%2e/secret.txt", 403},
                new Object[] {"/static/sub/..%2f..%2fsecret.txt", 403},
                new Object[] {"/static/./../secret.txt", 403},
                new Object[] {"/static/..", 403},
                new Object[] {"/static/..\\secret.txt", 403},
                new Object[] {"/static/..%5csecret.txt", 403},
                new Object[] {"/static/..%5c..%5csecret.txt", 403},
                new Object[] {"/static//etc/passwd", 403},
                new Object[] {"/static/%2Fetc%2Fpasswd", 403},
                new Object[] {"/static/%2f%2e%2e%2fsecret.txt", 403},
                new Object[] {"/static/%00", 403},
                new Object[] {"/static/robots.txt%00.html", 403},
                new Object[] {"/static/evil-link", 403},
                new Object[] {"/static/relative-link", 403},
                new Object[] {"/static/linkdir/secret.txt", 403},
                new Object[] {"/static/linkdir", 403},
                new Object[] {"/static/%252e%252e/secret.txt", 404},
                new Object[] {"/static/...", 404},
                new Object[] {"/static/..;/secret.txt", 404},
                new Object[] {"//static/../secret.txt", 404},
                new Object[] {"/static/../../../../../../../../etc/passwd", 403});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attacks")
    void aTraversalAttemptGetsItsStatusAndNoOutsideBytes(String path, int status) throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            for (String method : new String[] {"GET", "HEAD"}) {
                RawResponse response = server.send(method, path, null, null);
                assertThat(response.status()).as(method + " " + path).isEqualTo(status);
                assertThat(response.text()).doesNotContain("TOP SECRET");
            }
            assertThat(logs.messagesOf("tornado.general")).hasSizeLessThanOrEqualTo(2);
            assertThat(logs.events()).allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
        }
    }

    @Test
    void anAbsolutePathOfAnOutsideFileIsForbidden() throws Exception {
        assertThat(server.get("/static/" + absoluteSecret).status()).isEqualTo(403);
        assertThat(server.get("/static//" + absoluteSecret).status()).isEqualTo(403);
    }

    @Test
    void overlongUtf8DotsAreABadRequest() throws Exception {
        RawResponse response = server.get("/static/%c0%ae%c0%ae/secret.txt");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("TOP SECRET");
    }

    @Test
    void aRawNulByteInTheRequestLineNeverReachesTheFileSystem() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("GET /static/robots.txt\0../../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            RawResponse response = client.read("GET");
            assertThat(response.status()).isIn(400, 403, 404);
            assertThat(response.text()).doesNotContain("TOP SECRET");
        }
    }

    @Test
    void filesInsideTheFolderAreStillServed() throws Exception {
        assertThat(server.get("/static/sub/file.txt").text()).isEqualTo("inside");
        assertThat(server.get("/static/sub/../robots.txt").text()).isEqualTo(StaticTree.ROBOTS);
        assertThat(server.get("/static/sub/%2e%2e/robots.txt").text()).isEqualTo(StaticTree.ROBOTS);
    }
}
