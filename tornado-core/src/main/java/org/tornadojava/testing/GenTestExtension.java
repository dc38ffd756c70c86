package org.tornadojava.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link GenTest} methods on an IOLoop and waits for their {@link GenTestContext} stage with a timeout;
 * resolves the {@link GenTestContext} parameter. JUnit calls it on the test thread.
 */
public final class GenTestExtension implements InvocationInterceptor, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            GenTestExtension.class);
    private static final Duration LOOP_SHUTDOWN = Duration.ofSeconds(5);

    /** Creates the extension; JUnit does this for {@link GenTest} methods. */
    public GenTestExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GenTestContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return genContext(context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        Method method = invocationContext.getExecutable();
        Duration timeout = timeout(method);
        GenTestContext gen = genContext(context);
        AsyncHttpTestServer server = AsyncHttpTestExtension.serverOf(context);
        IOLoopGroup ownLoops = server == null ? new IOLoopGroup(1, Transport.AUTO) : null;
        IOLoop loop = server == null ? ownLoops.next() : server.loops().loops().get(0);
        try {
            awaitOnLoop(invocation, gen, loop, timeout, method);
        } finally {
            if (ownLoops != null) {
                ownLoops.shutdown(LOOP_SHUTDOWN);
            }
        }
    }

    private static void awaitOnLoop(Invocation<Void> invocation, GenTestContext gen, IOLoop loop, Duration timeout,
            Method method) throws Throwable {
        CompletableFuture<Object> done = new CompletableFuture<>();
        AtomicReference<Thread> loopThread = new AtomicReference<>();
        loop.execute(() -> {
            loopThread.set(Thread.currentThread());
            try {
                invocation.proceed();
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
                return;
            }
            CompletionStage<?> result = gen.result();
            if (result == null) {
                done.complete(null);
            } else {
                result.whenComplete((value, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(value);
                    }
                });
            }
        });
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            CompletionStage<?> result = gen.result();
            if (result != null) {
                result.toCompletableFuture().cancel(true);
            }
            throw timedOut(method, timeout, loopThread.get());
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static AssertionError timedOut(Method method, Duration timeout, Thread loopThread) {
        AssertionError failure = new AssertionError("@GenTest " + method.getName() + " did not finish within "
                + timeout + " (GenTest.timeout or " + AsyncTestTimeout.ENVIRONMENT_VARIABLE + ")");
        if (loopThread != null) {
            Throwable where = new Throwable("stack of IOLoop thread " + loopThread.getName() + " at the timeout");
            where.setStackTrace(loopThread.getStackTrace());
            failure.addSuppressed(where);
        }
        return failure;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Duration timeout(Method method) {
        double seconds = AnnotationSupport.findAnnotation(method, GenTest.class).map(GenTest::timeout).orElse(0.0);
        return seconds > 0 ? AsyncTestTimeout.parse("@GenTest(timeout)", Double.toString(seconds))
                : AsyncTestTimeout.get();
    }

    private static GenTestContext genContext(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(GenTestContext.class, type -> new GenTestContext(),
                GenTestContext.class);
    }
}
