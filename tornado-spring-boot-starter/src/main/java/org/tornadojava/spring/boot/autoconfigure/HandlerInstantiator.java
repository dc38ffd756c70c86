package org.tornadojava.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.Aware;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.tornadojava.web.RequestHandler;

import java.lang.annotation.Annotation;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes the per-request factory of a {@code @Handler} bean. At start-up it picks the constructor (the one marked
 * {@code @Autowired}, else the only one, else the no-argument one) and resolves its arguments and the
 * {@code @Autowired}/{@code @Value} fields through the bean factory, once. When every resolved dependency is a
 * singleton or a value, the factory calls the constructor through a {@link LambdaMetafactory}-made
 * {@link Supplier} with the arguments bound, then stores the fields: no bean lookup and no reflective constructor call
 * per request. Otherwise (a prototype or other non-singleton dependency,
 * {@code @Autowired} methods, lifecycle callbacks, {@code Aware} interfaces) each request asks the bean factory
 * for a new bean. A handler loaded by another class loader than the starter (devtools' restart class loader)
 * cannot get a {@link LambdaMetafactory} class of its own from here; it gets a pre-bound constructor
 * {@link MethodHandle} instead, still without a bean lookup per request. Runs on the thread refreshing the
 * context; the factories it returns are thread-safe.
 */
final class HandlerInstantiator {
    private static final Log LOG = LogFactory.getLog(HandlerInstantiator.class);
    private static final String[] LIFECYCLE_ANNOTATIONS = {"jakarta.annotation.PostConstruct",
        "jakarta.annotation.PreDestroy"};

    private final ConfigurableListableBeanFactory beanFactory;

    HandlerInstantiator(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /**
     * The factory making one handler per request for a prototype bean.
     *
     * @param beanName the handler's bean name
     * @param type the handler class
     * @return a thread-safe factory
     * @throws BeanCreationException when a dependency cannot be resolved or no constructor can be chosen
     */
    Supplier<RequestHandler> factoryFor(String beanName, Class<? extends RequestHandler> type) {
        String fallbackReason = fallbackReason(type);
        if (fallbackReason == null) {
            try {
                InjectionPlan plan = new InjectionPlan();
                Constructor<?> constructor = constructor(beanName, type);
                Object[] arguments = new Object[constructor.getParameterCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = plan.resolve(new DependencyDescriptor(
                            MethodParameter.forExecutable(constructor, i), true), beanName);
                }
                List<Field> fields = injectedFields(type);
                List<Object> values = new ArrayList<>();
                for (Field field : fields) {
                    values.add(plan.resolve(new DependencyDescriptor(field, isRequired(field)), beanName));
                }
                fallbackReason = plan.nonSingleton;
                if (fallbackReason == null) {
                    return prepare(type, constructor, arguments, fields, values);
                }
            } catch (IllegalAccessException | InaccessibleObjectException | LambdaConversionException ex) {
                fallbackReason = "its constructor or fields are not accessible (" + ex.getMessage() + ")";
            } catch (RuntimeException ex) {
                throw new BeanCreationException(beanName, "Cannot prepare @Handler " + type.getName() + ": "
                        + ex.getMessage(), ex);
            } catch (Throwable ex) {
                throw new BeanCreationException(beanName, "Cannot prepare @Handler " + type.getName() + ": "
                        + ex, ex);
            }
        }
        LOG.info("@Handler " + type.getName() + " is created through the bean factory on each request: "
                + fallbackReason);
        return () -> beanFactory.getBean(beanName, RequestHandler.class);
    }

    private static String fallbackReason(Class<?> type) {
        if (Aware.class.isAssignableFrom(type) || InitializingBean.class.isAssignableFrom(type)
                || DisposableBean.class.isAssignableFrom(type)) {
            return "it implements a bean lifecycle interface";
        }
        for (Class<?> c = type; c != RequestHandler.class && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, Autowired.class) || hasLifecycleAnnotation(method)) {
                    return "method " + method.getName() + " needs the bean factory (injection or lifecycle callback)";
                }
            }
        }
        return null;
    }

    private static boolean hasLifecycleAnnotation(Method method) {
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            for (String name : LIFECYCLE_ANNOTATIONS) {
                if (annotation.annotationType().getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Constructor<?> constructor(String beanName, Class<?> type) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        Constructor<?> autowired = null;
        Constructor<?> noArgs = null;
        for (Constructor<?> candidate : constructors) {
            if (AnnotatedElementUtils.hasAnnotation(candidate, Autowired.class)) {
                if (autowired != null) {
                    throw new IllegalStateException("more than one constructor is marked @Autowired");
                }
                autowired = candidate;
            }
            if (candidate.getParameterCount() == 0) {
                noArgs = candidate;
            }
        }
        Constructor<?> chosen = autowired != null ? autowired : constructors.length == 1 ? constructors[0] : noArgs;
        if (chosen == null) {
            throw new IllegalStateException("cannot choose among " + constructors.length
                    + " constructors of bean '" + beanName + "': mark one with @Autowired");
        }
        return chosen;
    }

    private static List<Field> injectedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != RequestHandler.class && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                boolean injected = AnnotatedElementUtils.hasAnnotation(field, Autowired.class)
                        || AnnotatedElementUtils.hasAnnotation(field, Value.class);
                if (injected && !Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean isRequired(Field field) {
        Autowired autowired = AnnotatedElementUtils.findMergedAnnotation(field, Autowired.class);
        return autowired == null || autowired.required();
    }

    /**
     * A factory calling the constructor with its pre-resolved arguments through a {@link LambdaMetafactory}-made
     * {@link Supplier} (a real class the JIT inlines, unlike a method handle held in a field), then storing the
     * injected fields. A handler class in another module (class loader) than this class only grants a lookup
     * without full privilege, which {@link LambdaMetafactory} refuses: its constructor handle is then bound to the
     * arguments and called per request.
     */
    private static PreparedHandlerFactory prepare(Class<?> type, Constructor<?> constructor, Object[] arguments,
                                                  List<Field> fields, List<Object> values) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle create = lookup.unreflectConstructor(constructor);
        Supplier<?> construct;
        if (lookup.hasFullPrivilegeAccess()) {
            MethodType captured = create.type().changeReturnType(Supplier.class);
            construct = (Supplier<?>) LambdaMetafactory.metafactory(lookup, "get", captured,
                            MethodType.methodType(Object.class), create, MethodType.methodType(type))
                    .getTarget().invokeWithArguments(arguments);
        } else {
            construct = new BoundConstructor(MethodHandles.insertArguments(create, 0, arguments)
                    .asType(MethodType.methodType(Object.class)));
        }
        List<Field> injected = new ArrayList<>();
        List<Object> injectedValues = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (values.get(i) != null) {
                Field field = fields.get(i);
                field.setAccessible(true);
                injected.add(field);
                injectedValues.add(values.get(i));
            }
        }
        return new PreparedHandlerFactory(type, construct, injected.toArray(new Field[0]), injectedValues.toArray());
    }

    /** Resolves dependencies of one handler and remembers whether any of them is not a singleton. */
    private final class InjectionPlan {
        private String nonSingleton;

        Object resolve(DependencyDescriptor descriptor, String beanName) {
            Set<String> beanNames = new LinkedHashSet<>();
            Object value = beanFactory.resolveDependency(descriptor, beanName, beanNames, null);
            for (String dependency : beanNames) {
                beanFactory.registerDependentBean(dependency, beanName);
                if (nonSingleton == null && !beanFactory.isSingleton(dependency)) {
                    nonSingleton = "it depends on '" + dependency + "', which is not a singleton";
                }
            }
            return value;
        }
    }

    /** A constructor handle with its arguments bound, for handler classes of another class loader. */
    private static final class BoundConstructor implements Supplier<Object> {
        private final MethodHandle create;

        BoundConstructor(MethodHandle create) {
            this.create = create;
        }

        @Override
        public Object get() {
            try {
                return create.invokeExact();
            } catch (RuntimeException | Error ex) {
                throw ex;
            } catch (Throwable ex) {
                throw new IllegalStateException("cannot create handler: " + ex, ex);
            }
        }
    }

    /** The fast path: the bound constructor call and the field stores, with no bean factory involved. */
    private static final class PreparedHandlerFactory implements Supplier<RequestHandler> {
        private final Class<?> type;
        private final Supplier<?> construct;
        private final Field[] fields;
        private final Object[] values;

        PreparedHandlerFactory(Class<?> type, Supplier<?> construct, Field[] fields, Object[] values) {
            this.type = type;
            this.construct = construct;
            this.fields = fields;
            this.values = values;
        }

        @Override
        public RequestHandler get() {
            RequestHandler handler = (RequestHandler) construct.get();
            try {
                for (int i = 0; i < fields.length; i++) {
                    fields[i].set(handler, values[i]);
                }
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException("cannot inject into " + type.getName(), ex);
            }
            return handler;
        }
    }
}
