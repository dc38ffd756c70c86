package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.tornadojava.spring.boot.observation.ObservationRequestObserver;
import org.tornadojava.spring.boot.observation.RoutePatternResolver;
import org.tornadojava.spring.boot.observation.TornadoServerRequestObservationConvention;
import org.tornadojava.web.RequestObserver;

/**
 * Records Tornado's requests as Micrometer Observations when an {@link ObservationRegistry} bean exists (Boot
 * creates one with {@code spring-boot-starter-actuator} or {@code spring-boot-micrometer-observation}): with
 * Boot's metrics, the timer {@code http.server.requests}; with Micrometer Tracing, a server span continuing the
 * caller's trace. A {@link TornadoServerRequestObservationConvention} bean replaces the default names and tags;
 * {@link RoutePatternResolver} beans name the pattern of routes that serve several paths (the actuator's);
 * a {@link RequestObserver} bean replaces the observer. Wiring only: runs on the thread refreshing the context.
 */
@AutoConfiguration(afterName =
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "tornado.enabled", matchIfMissing = true)
@ConditionalOnBean(ObservationRegistry.class)
public final class TornadoObservationAutoConfiguration {

    TornadoObservationAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(RequestObserver.class)
    ObservationRequestObserver tornadoRequestObserver(ObservationRegistry registry,
            ObjectProvider<TornadoServerRequestObservationConvention> convention,
                                                      ObjectProvider<RoutePatternResolver> patternResolvers) {
        return new ObservationRequestObserver(registry, convention.getIfUnique(),
                patternResolvers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "tornadoRequestObserverCustomizer")
    TornadoApplicationCustomizer tornadoRequestObserverCustomizer(RequestObserver observer) {
        return (builder) -> builder.requestObserver(observer);
    }
}
