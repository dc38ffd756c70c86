package org.tornadojava.spring.boot;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers an {@code org.tornadojava.template.UIModule} subclass under a name, Tornado's {@code ui_modules}
 * setting as an annotation; templates then call {@code {{ module("Entry", entry) }}}:
 *
 * <pre>{@code
 * @UiModule("Entry")
 * class EntryModule extends UIModule {
 *     public String render(Object... args) {
 *         return renderString("modules/entry.html", Map.of("entry", args[0]));
 *     }
 * }
 * }</pre>
 *
 * <p>The class becomes a prototype-scoped component (found by component scanning): each use in a template gets a
 * new instance from the bean factory, with its dependencies injected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(BeanDefinition.SCOPE_PROTOTYPE)
public @interface UiModule {

    /**
     * The name templates use.
     *
     * @return the module's name, e.g. {@code Entry}
     */
    @AliasFor("name")
    String value() default "";

    /**
     * The name templates use; same as {@link #value()}.
     *
     * @return the module's name
     */
    @AliasFor("value")
    String name() default "";
}
