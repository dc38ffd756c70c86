package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ahead-of-time processing ({@code process-aot}, native images): registers the runtime hints the starter needs for
 * every {@code @Handler} bean, which it reaches by reflection at start-up and per request: the handler classes'
 * constructors, methods (the verb methods, up to {@link RequestHandler}) and fields (injection), and, for JSON
 * written with {@code write(Object)}, the records the handlers declare or use in their methods and fields (with
 * Spring's binding hints, component types included). Registered in {@code META-INF/spring/aot.factories}; runs
 * on the build's AOT processing thread.
 */
class HandlerAotProcessor implements BeanFactoryInitializationAotProcessor {
    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> handlers = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForAnnotation(Handler.class)) {
            Class<?> type = beanFactory.getType(name);
            if (type != null && RequestHandler.class.isAssignableFrom(type)) {
                handlers.add(type);
            }
        }
        if (handlers.isEmpty()) {
            return null;
        }
        return (context, code) -> registerHints(context.getRuntimeHints(), handlers);
    }

    /**
     * Registers the hints of some handler classes.
     *
     * @param hints where to register
     * @param handlers {@code RequestHandler} subclasses
     */
    static void registerHints(RuntimeHints hints, List<Class<?>> handlers) {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Class<?> handler : handlers) {
            for (Class<?> c = handler; c != RequestHandler.class && c != Object.class; c = c.getSuperclass()) {
                hints.reflection().registerType(c, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                        MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS,
                        MemberCategory.ACCESS_DECLARED_FIELDS);
                collectRecords(c, records);
            }
        }
        new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
                records.toArray(new Class<?>[0]));
    }

    private static void collectRecords(Class<?> type, Set<Class<?>> records) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            addRecords(ResolvableType.forClass(nested), records);
        }
        for (Method method : type.getDeclaredMethods()) {
            addRecords(ResolvableType.forMethodReturnType(method), records);
            for (int i = 0; i < method.getParameterCount(); i++) {
                addRecords(ResolvableType.forMethodParameter(method, i), records);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            addRecords(ResolvableType.forField(field), records);
        }
    }

    /** The type itself, its array component and its generic arguments, when they are records. */
    private static void addRecords(ResolvableType type, Set<Class<?>> records) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        if (raw.isRecord()) {
            records.add(raw);
        }
        if (raw.isArray()) {
            addRecords(type.getComponentType(), records);
        }
        for (ResolvableType generic : type.getGenerics()) {
            addRecords(generic, records);
        }
    }
}
