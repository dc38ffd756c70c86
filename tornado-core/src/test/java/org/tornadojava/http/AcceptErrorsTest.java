package org.tornadojava.http;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.LogCapture;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptErrorsTest {

    @Test
    void runningOutOfFileDescriptorsLogsOneLineWithoutStackTraceInsteadOfOnePerAttempt() {
        EmbeddedChannel listening = new EmbeddedChannel(new AcceptErrors());
        try (LogCapture logs = LogCapture.of("tornado.general", "io.netty")) {
            for (int i = 0; i < 50; i++) {
                listening.pipeline().fireExceptionCaught(new IOException("accept(..) failed: Too many open files"));
            }
            listening.checkException();
            assertThat(logs.events()).hasSize(1).allMatch(event -> event.getThrowableProxy() == null);
            assertThat(logs.events().get(0).getFormattedMessage())
                    .startsWith("cannot accept connections").contains("Too many open files");
        } finally {
            listening.finishAndReleaseAll();
        }
    }
}
