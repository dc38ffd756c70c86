package org.tornadojava.locks;

import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

/** Two IOLoops shared by the lock tests of one class: a waiter's loop and a waker's loop. */
final class LoopPair implements AutoCloseable {
    final IOLoopGroup group = new IOLoopGroup(2, Transport.AUTO);
    final IOLoop waiterLoop = group.loops().get(0);
    final IOLoop wakerLoop = group.loops().get(1);

    @Override
    public void close() {
        group.close();
    }
}
