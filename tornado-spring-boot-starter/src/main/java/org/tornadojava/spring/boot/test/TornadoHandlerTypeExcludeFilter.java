package org.tornadojava.spring.boot.test;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.autoconfigure.TornadoApplicationCustomizer;
import org.tornadojava.spring.boot.autoconfigure.TornadoServerCustomizer;
import org.tornadojava.template.UIModule;
import org.tornadojava.web.RequestListener;

import java.util.Set;

/**
 * Component scanning of a {@link TornadoHandlerTest}: keeps the named handlers (every {@code @Handler} when none
 * is named) the Tornado customizers, request listeners and UI modules, and leaves out every other component. Called by
 * Spring while scanning, on the thread refreshing the context.
 */
final class TornadoHandlerTypeExcludeFilter
        extends StandardAnnotationCustomizableTypeExcludeFilter<TornadoHandlerTest> {
    private static final Set<Class<?>> TORNADO_COMPONENTS = Set.of(TornadoApplicationCustomizer.class,
            TornadoServerCustomizer.class, RequestListener.class, UIModule.class);

    private final Set<Class<?>> handlers;

    TornadoHandlerTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
        this.handlers = getAnnotation().isPresent()
                ? Set.of(getAnnotation().getClassArray("handlers")) : Set.of();
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        if (!handlers.isEmpty()) {
            return TORNADO_COMPONENTS;
        }
        return Set.of(Handler.class, TornadoApplicationCustomizer.class, TornadoServerCustomizer.class,
                RequestListener.class, UIModule.class);
    }

    @Override
    protected Set<Class<?>> getComponentIncludes() {
        return handlers;
    }
}
