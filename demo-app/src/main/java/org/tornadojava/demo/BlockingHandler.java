package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;

import java.util.concurrent.CompletionStage;

/** {@code GET /blocking?seconds=S}: sleeps S seconds (0 to 10) on the executor, then answers {@code slept S}. */
@Handler("/blocking")
class BlockingHandler extends RequestHandler {
    private static final double MAX_SECONDS = 10;

    public CompletionStage<Void> get() {
        String text = getArgument("seconds");
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "seconds is not a number: %s", text);
        }
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw new HttpError(400, "seconds out of range 0-10: %s", text);
        }
        long millis = Math.round(seconds * 1000);
        return runOnExecutor(() -> {
            Thread.sleep(millis);
            return null;
        }).thenAccept(ignored -> {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write("slept " + text);
        });
    }
}
