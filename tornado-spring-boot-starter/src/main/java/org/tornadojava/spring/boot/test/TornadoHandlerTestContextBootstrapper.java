package org.tornadojava.spring.boot.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

import java.util.stream.Stream;

/**
 * Bootstraps a {@link TornadoHandlerTest}: the slice's properties, after a free port on {@code 127.0.0.1} so the
 * test's own properties may override them. Called by Spring's TestContext framework on the test thread.
 */
final class TornadoHandlerTestContextBootstrapper extends TestSliceTestContextBootstrapper<TornadoHandlerTest> {
    private static final String[] SLICE_PROPERTIES = {"tornado.server.port=0", "tornado.server.address=127.0.0.1"};

    TornadoHandlerTestContextBootstrapper() {
    }

    @Override
    protected String[] getProperties(Class<?> testClass) {
        String[] own = super.getProperties(testClass);
        return Stream.concat(Stream.of(SLICE_PROPERTIES), own == null ? Stream.empty() : Stream.of(own))
                .toArray(String[]::new);
    }
}
