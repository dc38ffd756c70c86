package org.tornadojava.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a JUnit 5 test class a Tornado {@code AsyncHTTPTestCase}: the class supplies its
 * {@link org.tornadojava.web.Application} with a {@link TestApplication} method or field, and each test receives a
 * running {@link AsyncHttpTestServer} as a parameter. A static {@code @TestApplication} is served once for the
 * whole class, an instance one afresh for each test (as Tornado does). Server options come from an optional
 * {@link TestServerOptions} member. Also fails the class when Netty reports a leaked buffer
 * ({@link LeakDetectionExtension}).
 *
 * <pre>{@code
 * @AsyncHttpTest
 * class HelloWorldTest {
 *     @TestApplication
 *     Application app() {
 *         return HelloWorld.makeApp();
 *     }
 *
 *     @Test
 *     void greets(AsyncHttpTestServer server) {
 *         assertThat(server.fetch("/").text()).isEqualTo("Hello, world");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({AsyncHttpTestExtension.class, LeakDetectionExtension.class})
public @interface AsyncHttpTest {
    /**
     * Number of IOLoops the server runs on.
     *
     * @return 1 by default, like Tornado's single test IOLoop
     */
    int ioLoopThreads() default 1;
}
