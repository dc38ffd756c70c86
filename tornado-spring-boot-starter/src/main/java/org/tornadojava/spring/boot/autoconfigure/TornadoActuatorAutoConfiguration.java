package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.IncludeExcludeEndpointFilter;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.EndpointsSupplier;
import org.springframework.boot.actuate.endpoint.OperationFilter;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.ParameterValueMapper;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.PathMapper;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.actuate.web.mappings.MappingsEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.spring.boot.actuate.ActuatorSecurity;
import org.tornadojava.spring.boot.actuate.TornadoManagementServer;
import org.tornadojava.spring.boot.actuate.TornadoMappingDescriptionProvider;
import org.tornadojava.spring.boot.actuate.WebEndpointTable;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestObserver;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.Map;

/**
 * Serves Spring Boot's actuator web endpoints through Tornado when {@code spring-boot-starter-actuator} is present
 * and no servlet or reactive web server serves them: discovers the web endpoints as Boot's
 * {@code WebEndpointAutoConfiguration} does (honouring {@code management.endpoints.web.exposure.*},
 * {@code base-path} and {@code path-mapping}, and endpoint access), adds the health endpoint's web extension
 * (groups such as {@code /actuator/health/liveness}, details per {@code show-details}) and routes them to
 * {@code WebEndpointHandler}s: on the main server, or on a second Tornado server when
 * {@code management.server.port} differs ({@code -1}: not over HTTP). Lists Tornado's routes in
 * {@code /actuator/mappings}. Wiring only: runs on the thread refreshing the context.
 */
@AutoConfiguration(after = TornadoAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
    "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration"})
@ConditionalOnClass({WebEndpointDiscoverer.class, WebEndpointProperties.class})
@ConditionalOnBooleanProperty(name = "tornado.enabled", matchIfMissing = true)
@ConditionalOnNotWebApplication
@Conditional(TornadoServerCondition.Present.class)
@EnableConfigurationProperties(WebEndpointProperties.class)
public final class TornadoActuatorAutoConfiguration {

    TornadoActuatorAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    EndpointMediaTypes endpointMediaTypes() {
        return EndpointMediaTypes.DEFAULT;
    }

    @Bean
    PathMapper tornadoWebEndpointPathMapper(WebEndpointProperties properties) {
        Map<String, String> mapping = properties.getPathMapping();
        return (endpointId) -> mapping.entrySet().stream()
                .filter((entry) -> EndpointId.fromPropertyValue(entry.getKey()).equals(endpointId))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Bean
    IncludeExcludeEndpointFilter<ExposableWebEndpoint> tornadoWebExposeExcludePropertyEndpointFilter(
            WebEndpointProperties properties) {
        WebEndpointProperties.Exposure exposure = properties.getExposure();
        return new IncludeExcludeEndpointFilter<>(ExposableWebEndpoint.class, exposure.getInclude(),
                exposure.getExclude(), EndpointExposure.WEB.getDefaultIncludes());
    }

    @Bean
    @ConditionalOnBean(EndpointAccessResolver.class)
    OperationFilter<WebOperation> tornadoWebAccessPropertiesOperationFilter(EndpointAccessResolver accessResolver) {
        return OperationFilter.byAccess(accessResolver);
    }

    @Bean
    @ConditionalOnMissingBean(WebEndpointsSupplier.class)
    WebEndpointDiscoverer webEndpointDiscoverer(ApplicationContext context, ParameterValueMapper parameterValueMapper,
                                                EndpointMediaTypes mediaTypes,
                                                ObjectProvider<PathMapper> pathMappers,
                                                ObjectProvider<AdditionalPathsMapper> additionalPathsMappers,
                                                ObjectProvider<OperationInvokerAdvisor> invokerAdvisors,
                                                ObjectProvider<EndpointFilter<ExposableWebEndpoint>> filters,
                                                ObjectProvider<OperationFilter<WebOperation>> operationFilters) {
        return new WebEndpointDiscoverer(context, parameterValueMapper, mediaTypes,
                pathMappers.orderedStream().toList(), additionalPathsMappers.orderedStream().toList(),
                invokerAdvisors.orderedStream().toList(), filters.orderedStream().toList(),
                operationFilters.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    PathMappedEndpoints pathMappedEndpoints(Collection<EndpointsSupplier<?>> suppliers,
                                            WebEndpointProperties properties) {
        return new PathMappedEndpoints(properties.getBasePath(), suppliers);
    }

    /** The endpoint paths, on the main server or on the management server, unless the management port is -1. */
    @Bean
    @Conditional(ManagementPortCondition.Enabled.class)
    WebEndpointTable tornadoWebEndpointTable(WebEndpointsSupplier endpoints, WebEndpointProperties properties,
                                             EndpointMediaTypes mediaTypes,
                                             ObjectProvider<EndpointJsonMapper> endpointJsonMapper,
                                             ObjectProvider<JsonMapper> jsonMapper,
                                             ObjectProvider<ActuatorSecurity> security, Environment environment) {
        JsonMapper mapper = jsonMapper(endpointJsonMapper, jsonMapper);
        ActuatorSecurity asking = security.getIfUnique(() -> ActuatorSecurity.ANONYMOUS);
        if (ManagementPortCondition.of(environment) == ManagementPortType.SAME) {
            return new WebEndpointTable(properties.getBasePath(), endpoints, WebServerNamespace.SERVER, mapper,
                    mediaTypes, asking);
        }
        String serverBasePath = Binder.get(environment).bind("management.server.base-path", String.class).orElse("");
        return new WebEndpointTable(serverBasePath + properties.getBasePath(), endpoints,
                WebServerNamespace.MANAGEMENT, mapper, mediaTypes, asking);
    }

    /** Discovers the endpoints once every bean exists (endpoints may depend on the Tornado server). */
    @Bean
    @ConditionalOnBean(WebEndpointTable.class)
    static SmartInitializingSingleton tornadoWebEndpointTableResolver(ObjectProvider<WebEndpointTable> table) {
        return () -> table.ifAvailable(WebEndpointTable::discover);
    }

    /** The actuator endpoints on the main server, under {@code management.endpoints.web.base-path}. */
    @Bean
    @Conditional(ManagementPortCondition.Same.class)
    TornadoApplicationCustomizer tornadoActuatorRoute(WebEndpointTable table) {
        return (builder) -> builder.route(table.route());
    }

    /** The actuator endpoints on a server of their own, on {@code management.server.port}. */
    @Bean
    @Conditional(ManagementPortCondition.Different.class)
    TornadoManagementServer tornadoManagementServer(TornadoProperties properties, WebEndpointTable table,
                                                    IOLoopGroup loops, BlockingExecutor executor,
                                                    ObjectProvider<RequestObserver> observer,
                                                    ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        Application application = Application.builder().executor(executor).debug(properties.isDebug())
                .accessLog(properties.isAccessLog()).requestObserver(observer.getIfAvailable())
                .route(table.route()).build();
        HttpServerOptions options = new TornadoPropertiesMapper(properties).serverOptions()
                .port(binder.bind("management.server.port", Integer.class).get())
                .address(binder.bind("management.server.address", String.class)
                        .orElse(properties.getServer().getAddress()));
        return new TornadoManagementServer(application, new HttpServer(application, options, loops),
                properties.getServer().getShutdownTimeout(), environment, TornadoServerLifecycle.PHASE);
    }

    private static JsonMapper jsonMapper(ObjectProvider<EndpointJsonMapper> endpointJsonMapper,
                                         ObjectProvider<JsonMapper> jsonMapper) {
        EndpointJsonMapper endpoint = endpointJsonMapper.getIfAvailable();
        if (endpoint != null) {
            return endpoint.get();
        }
        return jsonMapper.getIfAvailable(JsonMapper::new);
    }

    /** The health endpoint's web extension: status codes, groups and details, as Boot's servlet stack has it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthEndpoint.class)
    @ConditionalOnBean({HealthEndpoint.class, HealthEndpointGroups.class})
    static class HealthWebExtensionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        HealthEndpointWebExtension healthEndpointWebExtension(HealthContributorRegistry registry,
                ObjectProvider<ReactiveHealthContributorRegistry> reactive,
                                                              HealthEndpointGroups groups,
                                                              HealthEndpointProperties properties) {
            return new HealthEndpointWebExtension(registry, reactive.getIfAvailable(), groups,
                    properties.getLogging().getSlowIndicatorThreshold());
        }
    }

    /** Tornado's routes in {@code /actuator/mappings}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MappingsEndpoint.class)
    static class MappingsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TornadoMappingDescriptionProvider tornadoMappingDescriptionProvider(ObjectProvider<Application> application,
                ObjectProvider<TornadoManagementServer> managementServer) {
            return new TornadoMappingDescriptionProvider(application::getObject, managementServer::getIfAvailable);
        }
    }
}
