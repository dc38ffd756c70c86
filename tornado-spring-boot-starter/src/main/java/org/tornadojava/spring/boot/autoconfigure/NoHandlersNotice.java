package org.tornadojava.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.concurrent.CountDownLatch;

/**
 * Registered instead of the server when the context has no {@code @Handler} bean (and no {@code Application} or
 * {@code HttpServer} bean): says so in one INFO line once the singletons are created, on the thread refreshing
 * the context, so a missing component scan is easy to spot. Under devtools (the context's classes come from its
 * restart class loader) a restart may briefly see no handler, e.g. while a class is being recompiled; without a
 * server no thread would keep the JVM alive and devtools could not restart again, so until the context closes a
 * non-daemon thread, {@code tornado-devtools-keep-alive}, keeps it up.
 */
final class NoHandlersNotice implements SmartInitializingSingleton, DisposableBean {
    static final String KEEP_ALIVE_THREAD = "tornado-devtools-keep-alive";

    private static final Log LOG = LogFactory.getLog(TornadoAutoConfiguration.class);
    private static final String RESTART_CLASS_LOADER =
            "org.springframework.boot.devtools.restart.classloader.RestartClassLoader";

    private final boolean underDevtools;
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * Creates the notice.
     *
     * @param beanClassLoader the class loader of the context's beans; devtools' restart class loader keeps the JVM
     *        alive
     */
    NoHandlersNotice(ClassLoader beanClassLoader) {
        this.underDevtools = beanClassLoader != null
                && RESTART_CLASS_LOADER.equals(beanClassLoader.getClass().getName());
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!underDevtools) {
            LOG.info("No @Handler beans found: Tornado server not started");
            return;
        }
        LOG.info("No @Handler beans found: Tornado server not started; the JVM stays up for devtools to restart");
        Thread keepAlive = new Thread(this::awaitClose, KEEP_ALIVE_THREAD);
        keepAlive.setDaemon(false);
        keepAlive.start();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the keep-alive thread end. Thread closing the context. */
    @Override
    public void destroy() {
        closed.countDown();
    }
}
