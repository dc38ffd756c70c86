package org.tornadojava.web;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * The real router (package-private, hence this package) over a demo-sized table of 20 routes: a literal path
 * (hash map), a regex route near the end of the list, and a miss that tries every route.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class RouterBenchmark {
    /** A do-nothing handler type for the routes. */
    public static final class Noop extends RequestHandler {
    }

    private final Router router = new Router(table());

    private static List<UrlSpec> table() {
        List<UrlSpec> specs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            specs.add(UrlSpec.of("/literal/" + i, Noop::new));
        }
        specs.add(UrlSpec.of("/story/([0-9]+)", Noop::new));
        specs.add(UrlSpec.of("/plaintext", Noop::new));
        specs.add(UrlSpec.of("/user/([a-z]+)/posts/([0-9]+)", Noop::new));
        specs.add(UrlSpec.of("/files/(.*)", Noop::new));
        return specs;
    }

    @Benchmark
    public Router.Match literal() {
        return router.find("localhost", "/plaintext");
    }

    @Benchmark
    public Router.Match regexNearTheEnd() {
        return router.find("localhost", "/user/alice/posts/42");
    }

    @Benchmark
    public Router.Match miss() {
        return router.find("localhost", "/nowhere/at/all");
    }
}
