package org.tornadojava.spring.boot.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;

/**
 * Gives every {@code @SpringBootTest} the test clients of {@link AutoConfigureTornadoTestClient}, as Boot does
 * for its own test clients: registered in {@code META-INF/spring.factories}, read by Spring's TestContext
 * framework only. Called by Spring on the thread building the test context.
 */
final class TornadoTestClientContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean springBootTest = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
        return springBootTest ? new ImportTestClients() : null;
    }

    /** Adds the importing configuration class to the context; equal to every other instance (context caching). */
    private static final class ImportTestClients implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition(TestClients.class.getName(),
                        new RootBeanDefinition(TestClients.class));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }

    /** Imports the test clients' auto-configuration, ordered with the application's auto-configurations. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigureTornadoTestClient
    static class TestClients {
    }
}
