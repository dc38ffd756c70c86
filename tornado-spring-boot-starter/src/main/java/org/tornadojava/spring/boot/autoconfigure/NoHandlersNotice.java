package org.tornadojava.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registered instead of the server when the context has no {@code @Handler} bean (and no {@code Application} or
 * {@code HttpServer} bean): says so in one INFO line once the singletons are created, on the thread refreshing
 * the context, so a missing component scan is easy to spot.
 */
final class NoHandlersNotice implements SmartInitializingSingleton {
    private static final Log LOG = LogFactory.getLog(TornadoAutoConfiguration.class);

    @Override
    public void afterSingletonsInstantiated() {
        LOG.info("No @Handler beans found: Tornado server not started");
    }
}
