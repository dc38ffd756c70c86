package org.tornadojava.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/** What a benchmark's {@link EmbeddedChannel} wrote. */
public final class Outbound {
    private Outbound() {
    }

    /**
     * Takes every buffer the channel wrote, releases it and counts its bytes.
     *
     * @param channel the channel
     * @return the number of bytes written since the last call
     */
    public static int drain(EmbeddedChannel channel) {
        int bytes = 0;
        Object out;
        while ((out = channel.readOutbound()) != null) {
            bytes += ((ByteBuf) out).readableBytes();
            ReferenceCountUtil.release(out);
        }
        return bytes;
    }
}
