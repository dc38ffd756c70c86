package org.tornadojava.spring.boot.autoconfigure;

import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.tornadojava.web.BeanValidator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives Tornado's application the context's Jackson and Bean Validation beans, so a Tornado handler reads and
 * writes JSON as the rest of the Spring application does: the unique {@link JsonMapper} bean (Boot's, configured
 * by {@code spring.jackson.*}) serves {@code getJsonBody} and {@code write(Object)}, and the unique
 * {@link Validator} bean (Boot's {@code LocalValidatorFactoryBean} with {@code spring-boot-starter-validation})
 * serves {@code validate}. Without such a bean core's default stays. The customizers run before the user's
 * {@link TornadoApplicationCustomizer}s, which may still set their own. Wiring only: runs on the thread
 * refreshing the context.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tornado.enabled", matchIfMissing = true)
public final class TornadoTypedInputAutoConfiguration {

    TornadoTypedInputAutoConfiguration() {
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "tornadoJsonMapperCustomizer")
    TornadoApplicationCustomizer tornadoJsonMapperCustomizer(ObjectProvider<JsonMapper> jsonMapper) {
        return (builder) -> jsonMapper.ifUnique(builder::jsonMapper);
    }

    /** The context's Bean Validation validator, when {@code jakarta.validation} is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Validator.class)
    static class ValidatorConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        @ConditionalOnMissingBean(name = "tornadoValidatorCustomizer")
        TornadoApplicationCustomizer tornadoValidatorCustomizer(ObjectProvider<Validator> validator) {
            return (builder) -> validator.ifUnique((unique) -> builder.validator(new BeanValidator(unique)));
        }
    }
}
