package org.tornadojava.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.web.SignedValues;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's cookie secret: never a publicly known key; a random one per process, said once, when none is set. */
@ExtendWith(OutputCaptureExtension.class)
class CookieSecretFallbackTest {
    /** The key earlier versions of the demo signed with when nothing was configured: public, so never trusted. */
    private static final String FORMER_DEFAULT = "tornado-demo-development-secret-do-not-use-in-production";
    private static final String WARNING = "No cookie secret configured";

    private static RawResponse roomWithUserSignedBy(int port, String secret) throws Exception {
        String signed = SignedValues.of(secret, Clock.systemUTC())
                .create("user", "mallory".getBytes(StandardCharsets.UTF_8));
        return RawHttpClient.send(port, "GET", "/room", "Cookie: user=\"" + signed + "\"\r\n", null);
    }

    /** Start-up lines, read from the console: Spring Boot resets logging when the first context of the JVM starts. */
    private static List<String> warnings(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains(WARNING)).toList();
    }

    @Test
    void withoutASecretACookieSignedWithTheFormerPublicDefaultIsRefusedAndOneWarningSaysWhy(CapturedOutput output)
            throws Exception {
        try (DemoServer server = DemoServer.start()) {
            RawResponse room = roomWithUserSignedBy(server.port(), FORMER_DEFAULT);
            assertThat(room.status()).isEqualTo(302);
            assertThat(room.header("Location")).startsWith("/login");
            assertThat(warnings(output)).hasSize(1).allMatch(line -> line.contains("WARN")
                    && line.contains("tornado.security.cookie-secret")
                    && line.contains(CookieSecretFallback.ENVIRONMENT_VARIABLE));
        }
    }

    @Test
    void aConfiguredSecretSignsCookiesWithoutWarning(CapturedOutput output) throws Exception {
        try (DemoServer server = DemoServer.start("--tornado.security.cookie-secret=shared-by-every-instance")) {
            assertThat(roomWithUserSignedBy(server.port(), "shared-by-every-instance").status()).isEqualTo(200);
            assertThat(roomWithUserSignedBy(server.port(), FORMER_DEFAULT).status()).isEqualTo(302);
            assertThat(warnings(output)).isEmpty();
        }
    }
}
