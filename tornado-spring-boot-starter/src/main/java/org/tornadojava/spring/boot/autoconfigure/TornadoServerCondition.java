package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tornadojava.http.HttpServer;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Application;

/**
 * Whether there is something to serve: at least one {@code @Handler} bean, or an {@link Application} or
 * {@link HttpServer} bean the user defined. {@link Present} matches when there is, {@link Absent} when there is
 * not. Evaluated once user bean definitions are registered, on the thread refreshing the context.
 */
abstract class TornadoServerCondition extends SpringBootCondition implements ConfigurationCondition {
    private final boolean whenPresent;

    TornadoServerCondition(boolean whenPresent) {
        this.whenPresent = whenPresent;
    }

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        int handlers = beanFactory.getBeanNamesForAnnotation(Handler.class).length;
        boolean userDefined = beanFactory.getBeanNamesForType(Application.class, true, false).length > 0
                || beanFactory.getBeanNamesForType(HttpServer.class, true, false).length > 0;
        boolean present = handlers > 0 || userDefined;
        String message = handlers + " @Handler bean(s)" + (userDefined ? " and a user-defined server" : "");
        return present == whenPresent ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    /** Matches when there is something to serve. */
    static final class Present extends TornadoServerCondition {
        Present() {
            super(true);
        }
    }

    /** Matches when there is nothing to serve. */
    static final class Absent extends TornadoServerCondition {
        Absent() {
            super(false);
        }
    }
}
