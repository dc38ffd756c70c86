package org.tornadojava.spring.boot.test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A slice test of Tornado handlers, like Boot's {@code @WebFluxTest}: the context holds only the named
 * {@link org.tornadojava.spring.boot.Handler} beans (all of them when none is named), the Tornado customizers and
 * Tornado's auto-configuration, served on a free port of {@code 127.0.0.1}; other beans are left out, so the
 * handlers' dependencies come from {@code @MockitoBean} fields or an {@code @Import}. The test clients of
 * {@link AutoConfigureTornadoTestClient} ({@link TornadoTestClient}, {@code RestTestClient},
 * {@code WebTestClient}) are there to call them, and {@link LocalTornadoPort} gives the port.
 *
 * <pre>{@code
 * @TornadoHandlerTest(StoryHandler.class)
 * class StoryHandlerTest {
 *     @MockitoBean StoryRepository stories;
 *     @Autowired TornadoTestClient client;
 *
 *     @Test
 *     void showsTheStory() {
 *         given(stories.title(7)).willReturn("Tornado");
 *         assertThat(client.get("/story/7").body()).isEqualTo("Story 7: Tornado");
 *     }
 * }
 * }</pre>
 *
 * The auto-configurations are listed in
 * {@code META-INF/spring/org.tornadojava.spring.boot.test.TornadoHandlerTest.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(TornadoHandlerTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(TornadoHandlerTypeExcludeFilter.class)
@AutoConfigureTornadoTestClient
@ImportAutoConfiguration
public @interface TornadoHandlerTest {
    /**
     * Properties in {@code key=value} form added to the environment before the context starts; they win over
     * the slice's own {@code tornado.server.port=0} and {@code tornado.server.address=127.0.0.1}.
     *
     * @return the properties
     */
    String[] properties() default {};

    /**
     * The handlers to test; same as {@link #handlers()}.
     *
     * @return the handler classes; empty for every {@code @Handler} bean found by component scanning
     */
    @AliasFor("handlers")
    Class<?>[] value() default {};

    /**
     * The handlers to test; same as {@link #value()}.
     *
     * @return the handler classes; empty for every {@code @Handler} bean found by component scanning
     */
    @AliasFor("value")
    Class<?>[] handlers() default {};

    /**
     * Whether component scanning includes the handlers and Tornado customizers by default.
     *
     * @return true by default
     */
    boolean useDefaultFilters() default true;

    /**
     * More components to include from component scanning.
     *
     * @return include filters
     */
    ComponentScan.Filter[] includeFilters() default {};

    /**
     * Components to leave out of component scanning.
     *
     * @return exclude filters
     */
    ComponentScan.Filter[] excludeFilters() default {};

    /**
     * Auto-configurations of the slice to leave out.
     *
     * @return auto-configuration classes
     */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
