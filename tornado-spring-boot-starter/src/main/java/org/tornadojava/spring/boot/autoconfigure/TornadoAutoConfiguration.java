package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.BlockedLoopListener;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestListener;

import java.util.List;

/**
 * Auto-configuration of a Tornado server from the {@code @Handler} beans of the context and the
 * {@code tornado.*} properties: {@link IOLoopGroup}, {@link BlockingExecutor}, {@link Application},
 * {@link HttpServer} and the {@link TornadoServerLifecycle} that starts and gracefully stops it. Each bean backs
 * off when the user defines one of its type. Off with {@code tornado.enabled=false}; without any handler (or
 * user-defined application or server) no server is created and one INFO line says so. Wiring only: runs on the
 * thread refreshing the context.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tornado.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TornadoProperties.class)
public final class TornadoAutoConfiguration {

    TornadoAutoConfiguration() {
    }

    /** The server and what it runs on, created when there is something to serve. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(TornadoServerCondition.Present.class)
    static class ServerConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        IOLoopGroup tornadoIOLoopGroup(TornadoProperties properties, ObjectProvider<BlockedLoopListener> listeners) {
            List<BlockedLoopListener> onBlocked = listeners.orderedStream().toList();
            return new TornadoPropertiesMapper(properties).ioLoopGroup(
                    (loop, blockedFor) -> onBlocked.forEach((listener) -> listener.loopBlocked(loop, blockedFor)));
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        BlockingExecutor tornadoBlockingExecutor(TornadoProperties properties, Environment environment) {
            return new TornadoPropertiesMapper(properties).blockingExecutor(
                    environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false));
        }

        @Bean
        @ConditionalOnMissingBean
        Application tornadoApplication(TornadoProperties properties, BlockingExecutor executor,
                                       ConfigurableListableBeanFactory beanFactory,
                                       ObjectProvider<RequestListener> listeners,
                                       ObjectProvider<TornadoApplicationCustomizer> customizers) {
            Application.Builder builder = Application.builder().executor(executor);
            HandlerRoutes.discover(beanFactory).forEach(builder::route);
            new TornadoPropertiesMapper(properties).configure(builder);
            listeners.orderedStream().forEach(builder::requestListener);
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean
        HttpServer tornadoHttpServer(TornadoProperties properties, Application application, IOLoopGroup loops,
                                     ObjectProvider<TornadoServerCustomizer> customizers,
                                     ConfigurableListableBeanFactory beanFactory, Environment environment) {
            boolean secondServer = SecondWebServerException.check(beanFactory,
                    properties.getServer().isAllowSecondServer());
            HttpServerOptions options = new TornadoPropertiesMapper(properties).serverOptions();
            new SpringServerKeys(environment).apply(options, secondServer);
            customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
            return new HttpServer(application, options, loops);
        }

        @Bean
        @ConditionalOnMissingBean
        TornadoServerLifecycle tornadoServerLifecycle(HttpServer server, TornadoProperties properties,
                                                      ConfigurableEnvironment environment,
                                                      ApplicationEventPublisher events) {
            return new TornadoServerLifecycle(server, properties.getServer().getShutdownTimeout(), environment,
                    events);
        }

        /** Actuator health, when spring-boot-health is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(HealthIndicator.class)
        static class HealthConfiguration {

            @Bean
            @ConditionalOnMissingBean(name = "tornadoHealthIndicator")
            TornadoHealthIndicator tornadoHealthIndicator(HttpServer server, BlockingExecutor executor) {
                return new TornadoHealthIndicator(server, executor);
            }
        }

        /** Micrometer gauges of the server and its executor, when micrometer-core is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        static class MetricsConfiguration {

            @Bean
            @ConditionalOnMissingBean
            TornadoBlockedLoopMetrics tornadoBlockedLoopMetrics() {
                return new TornadoBlockedLoopMetrics();
            }

            @Bean
            @ConditionalOnMissingBean
            TornadoServerMetrics tornadoServerMetrics(HttpServer server, BlockingExecutor executor) {
                return new TornadoServerMetrics(server, executor);
            }
        }
    }

    /** Nothing to serve: no server, one INFO line. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(TornadoServerCondition.Absent.class)
    static class NoServerConfiguration {

        @Bean
        NoHandlersNotice tornadoNoHandlersNotice(ConfigurableListableBeanFactory beanFactory) {
            return new NoHandlersNotice(beanFactory.getBeanClassLoader());
        }
    }
}
