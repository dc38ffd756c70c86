package org.tornadojava.http;

import io.netty.buffer.ByteBuf;

import java.util.concurrent.CompletionStage;

/** A receiver for tests: takes the request body whole and runs the answer once the body is complete. */
final class AnswerWhenComplete implements RequestReceiver {
    private final Runnable answer;

    AnswerWhenComplete(Runnable answer) {
        this.answer = answer;
    }

    @Override
    public boolean streamsBody() {
        return false;
    }

    @Override
    public boolean acceptsBody() {
        return true;
    }

    @Override
    public CompletionStage<?> dataReceived(ByteBuf chunk) {
        return null;
    }

    @Override
    public void finish() {
        answer.run();
    }
}
