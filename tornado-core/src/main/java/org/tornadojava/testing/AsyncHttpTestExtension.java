package org.tornadojava.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.web.Application;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit 5 extension behind {@link AsyncHttpTest}: starts the {@link TestApplication} on a free port before the
 * class (static member) or before each test (instance member), stops it afterwards, and resolves
 * {@link AsyncHttpTestServer} parameters of test and lifecycle methods. JUnit calls it on the
 * test thread.
 */
public final class AsyncHttpTestExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AsyncHttpTestExtension.class);

    /** Creates the extension; JUnit does this for {@link AsyncHttpTest} classes. */
    public AsyncHttpTestExtension() {
    }

    /**
     * The server running for the test or class of the context, for other extensions ({@link GenTest}). Any thread.
     *
     * @param context a test or class context
     * @return the server, or null when none runs
     */
    static AsyncHttpTestServer serverOf(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(AsyncHttpTestServer.class, AsyncHttpTestServer.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Member application = applicationMember(context.getRequiredTestClass());
        if (Modifier.isStatic(application.getModifiers())) {
            start(context, null);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Member application = applicationMember(context.getRequiredTestClass());
        if (!Modifier.isStatic(application.getModifiers())) {
            start(context, context.getRequiredTestInstance());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AsyncHttpTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        AsyncHttpTestServer server = serverOf(context);
        if (server == null) {
            throw new ParameterResolutionException("no AsyncHttpTestServer runs here: an instance @TestApplication "
                    + "is started before each test, so @BeforeAll methods cannot receive it (make it static)");
        }
        return server;
    }

    private static void start(ExtensionContext context, Object instance) {
        Class<?> testClass = context.getRequiredTestClass();
        Application application = (Application) read(applicationMember(testClass), instance, Application.class);
        Member optionsMember = optionalMember(testClass, TestServerOptions.class);
        HttpServerOptions options = optionsMember == null ? new HttpServerOptions()
                : (HttpServerOptions) read(optionsMember, instance, HttpServerOptions.class);
        int threads = AnnotationSupport.findAnnotation(testClass, AsyncHttpTest.class)
                .map(AsyncHttpTest::ioLoopThreads).orElse(1);
        AsyncHttpTestServer server = AsyncHttpTestServer.start(application, options, threads);
        context.getStore(NAMESPACE).put(AsyncHttpTestServer.class, server);
    }

    private static void stop(ExtensionContext context) {
        AsyncHttpTestServer server = context.getStore(NAMESPACE).remove(AsyncHttpTestServer.class,
                AsyncHttpTestServer.class);
        if (server != null) {
            server.close();
        }
    }

    private static Member applicationMember(Class<?> testClass) {
        Member member = optionalMember(testClass, TestApplication.class);
        if (member == null) {
            throw new ExtensionConfigurationException(testClass.getName() + " is an @AsyncHttpTest without a "
                    + "@TestApplication method or field");
        }
        return member;
    }

    private static Member optionalMember(Class<?> testClass, Class<? extends Annotation> annotation) {
        List<Member> members = new ArrayList<>(AnnotationSupport.findAnnotatedFields(testClass, annotation));
        members.addAll(AnnotationSupport.findAnnotatedMethods(testClass, annotation,
                org.junit.platform.commons.support.HierarchyTraversalMode.BOTTOM_UP));
        if (members.size() > 1) {
            throw new ExtensionConfigurationException(testClass.getName() + " has " + members.size() + " @"
                    + annotation.getSimpleName() + " members; keep one");
        }
        return members.isEmpty() ? null : members.get(0);
    }

    private static Object read(Member member, Object instance, Class<?> expected) {
        Object target = Modifier.isStatic(member.getModifiers()) ? null : instance;
        Object value;
        try {
            ((AccessibleObject) member).setAccessible(true);
            if (member instanceof Field field) {
                value = field.get(target);
            } else {
                Method method = (Method) member;
                if (method.getParameterCount() != 0) {
                    throw new ExtensionConfigurationException(method + " must not take parameters");
                }
                value = method.invoke(target);
            }
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException(member + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot read " + member, e);
        }
        if (!expected.isInstance(value)) {
            throw new ExtensionConfigurationException(member + " must supply a " + expected.getSimpleName()
                    + ", got " + value);
        }
        return value;
    }
}
