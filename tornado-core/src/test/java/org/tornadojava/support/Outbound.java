package org.tornadojava.support;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;

/** What an {@link EmbeddedChannel} wrote, as text. */
public final class Outbound {
    private Outbound() {
    }

    /**
     * Takes every buffer the channel wrote since the last call, releases it and returns its bytes as Latin-1 text.
     *
     * @param channel the channel
     * @return the bytes written, empty when none
     */
    public static String drain(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            text.append(part.toString(StandardCharsets.ISO_8859_1));
            part.release();
        }
        return text.toString();
    }
}
