package org.tornadojava.web;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Calling a verb method the way RequestHandler does (cached per class), against a direct call. */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class VerbDispatchBenchmark {
    /** A handler with a one-argument get. */
    public static final class Story extends RequestHandler {
        int calls;

        public void get(String id) {
            calls += id.length();
        }
    }

    private static final String[] ARGS = {"42"};
    private final Story handler = new Story();
    private final HandlerMethods.Verb verb = HandlerMethods.of(Story.class).verb("GET");

    @Benchmark
    public Object throughHandlerMethods() throws Throwable {
        return verb.invoke(handler, ARGS);
    }

    @Benchmark
    public int direct() {
        handler.get(ARGS[0]);
        return handler.calls;
    }
}
