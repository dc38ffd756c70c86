package org.tornadojava.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live round trip with Python Tornado: a signed cookie tornado-java sets is read by Tornado's
 * {@code get_signed_cookie} path (cookie parsing plus {@code decode_signed_value}), and one Tornado's
 * {@code set_signed_cookie} writes is read by tornado-java (before Tornado 6.3 the methods are named
 * {@code get_secure_cookie} and {@code set_secure_cookie}). Skipped where {@code /usr/bin/python3} cannot import
 * tornado (Debian: {@code apt-get install python3-tornado}).
 */
class SignedCookieInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String SECRET = "shared secret between Java and Python";
    private static final String VALUE = "h\u00e9llo; \"w\u00f6rld\" =/+";
    private static final String SCRIPT = String.join("\n",
            "import sys",
            "from unittest import mock",
            "from tornado.httputil import HTTPHeaders, HTTPServerRequest",
            "from tornado.web import Application, RequestHandler",
            "mode, secret, arg = sys.argv[1], sys.argv[2], sys.argv[3]",
            "headers = HTTPHeaders()",
            "if mode == 'read':",
            "    headers['Cookie'] = arg",
            "request = HTTPServerRequest(method='GET', uri='/', headers=headers, connection=mock.Mock())",
            "handler = RequestHandler(Application(cookie_secret=secret), request)",
            "get_signed = getattr(handler, 'get_signed_cookie', None) or handler.get_secure_cookie",
            "set_signed = getattr(handler, 'set_signed_cookie', None) or handler.set_secure_cookie",
            "if mode == 'read':",
            "    value = get_signed('user')",
            "    sys.stdout.write('None' if value is None else value.hex())",
            "else:",
            "    set_signed('user', bytes.fromhex(arg))",
            "    sys.stdout.write(handler._new_cookie['user'].OutputString(None))",
            "");

    static final class SetUser extends RequestHandler {
        public void get() {
            setSignedCookie("user", VALUE);
        }
    }

    static final class ShowUser extends RequestHandler {
        public void get() {
            write(String.valueOf(getSignedCookie("user")));
        }
    }

    @BeforeAll
    static void requirePythonTornado() throws Exception {
        boolean available = new File(PYTHON).canExecute() && run(PYTHON, "-c", "import tornado").exit == 0;
        assumeTrue(available, PYTHON + " with tornado is not installed; skipping the live interop test");
    }

    @Test
    void signedCookiesCrossBetweenTornadoJavaAndPythonTornadoBothWays() throws Exception {
        Application app = Application.builder().cookieSecret(SECRET)
                .route("/set", SetUser::new).route("/show", ShowUser::new).accessLog(false).build();
        try (TestServer server = TestServer.start(app)) {
            String javaSetCookie = server.get("/set").header("Set-Cookie");
            String javaCookie = javaSetCookie.substring(0, javaSetCookie.indexOf("; "));
            Result pythonRead = run(PYTHON, "-c", SCRIPT, "read", SECRET, javaCookie);
            assertThat(pythonRead.exit).as(pythonRead.output).isZero();
            assertThat(new String(hexToBytes(pythonRead.output), StandardCharsets.UTF_8)).isEqualTo(VALUE);

            Result pythonWrote = run(PYTHON, "-c", SCRIPT, "write", SECRET,
                    bytesToHex(VALUE.getBytes(StandardCharsets.UTF_8)));
            assertThat(pythonWrote.exit).as(pythonWrote.output).isZero();
            String pythonCookie = pythonWrote.output.substring(0, pythonWrote.output.indexOf("; "));
            RawResponse javaRead = server.send("GET", "/show", "Cookie: " + pythonCookie + "\r\n", null);
            assertThat(javaRead.text()).isEqualTo(VALUE);

            Result wrongSecret = run(PYTHON, "-c", SCRIPT, "read", "another secret", javaCookie);
            assertThat(wrongSecret.output).isEqualTo("None");
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python did not finish within 60 s: " + command[0]);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.exitValue(), output);
    }

    private static String bytesToHex(byte[] bytes) {
        return Hex.encode(bytes);
    }

    private static byte[] hexToBytes(String hex) {
        return Hex.decode(hex);
    }

    private record Result(int exit, String output) {
    }
}
