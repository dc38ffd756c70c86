package org.tornadojava.locks;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

/**
 * Two IOLoops shared by the tests of one class, a waiter's loop and a waker's loop; register it as a static
 * {@code @RegisterExtension} field and it stops the loops after the class.
 */
final class LoopPair implements AfterAllCallback {
    final IOLoopGroup group = new IOLoopGroup(2, Transport.AUTO);
    final IOLoop waiterLoop = group.loops().get(0);
    final IOLoop wakerLoop = group.loops().get(1);

    @Override
    public void afterAll(ExtensionContext context) {
        group.close();
    }
}
