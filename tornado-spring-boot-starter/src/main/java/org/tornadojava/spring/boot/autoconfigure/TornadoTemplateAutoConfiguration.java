package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.tornadojava.locale.Locales;
import org.tornadojava.template.TemplateEngine;
import org.tornadojava.template.UIModule;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Auto-configuration of the page layer of {@code RequestHandler.render}: the {@link TemplateEngine} (Pebble from
 * {@code tornado.template.*}, unless the user defines an engine bean), the {@link Locales} ({@code tornado.locale.*}
 * CSV files, then Spring's {@code MessageSource} when one is configured), and the {@code @UiModule} beans, handed to
 * the application through a {@link TornadoApplicationCustomizer}. Wiring only: runs on the thread refreshing the
 * context.
 */
@AutoConfiguration(before = TornadoAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tornado.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TornadoProperties.class)
public final class TornadoTemplateAutoConfiguration {

    TornadoTemplateAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    TemplateEngine tornadoTemplateEngine(TornadoProperties properties) {
        return new TornadoPropertiesMapper(properties).templateEngine();
    }

    @Bean
    @ConditionalOnMissingBean
    Locales tornadoLocales(TornadoProperties properties, ConfigurableListableBeanFactory beanFactory) {
        String name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME;
        MessageSource messages = beanFactory.containsBean(name) ? beanFactory.getBean(name, MessageSource.class)
                : null;
        return new TornadoPropertiesMapper(properties).locales(MessageSourceTranslations.ofConfigured(messages));
    }

    @Bean
    TornadoApplicationCustomizer tornadoTemplateCustomizer(TemplateEngine engine, Locales locales,
                                                           ConfigurableListableBeanFactory beanFactory) {
        Map<String, Supplier<UIModule>> modules = UiModules.discover(beanFactory);
        return (builder) -> {
            builder.templateEngine(engine).locales(locales);
            modules.forEach(builder::uiModule);
        };
    }
}
