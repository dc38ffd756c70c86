package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tornadojava.http.HttpServerOptions;

/**
 * Where the actuator endpoints are served, from {@code management.server.port} as Boot decides it, compared with
 * the Tornado server's port ({@code tornado.server.port}, else {@code server.port}, else 8888): unset or equal
 * (and not 0) is {@link ManagementPortType#SAME} (the main server), negative is {@link ManagementPortType#DISABLED}
 * (not over HTTP), anything else {@link ManagementPortType#DIFFERENT} (a second server). Evaluated on the thread
 * refreshing the context.
 */
abstract class ManagementPortCondition extends SpringBootCondition {
    private final ManagementPortType wanted;

    ManagementPortCondition(ManagementPortType wanted) {
        this.wanted = wanted;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ManagementPortType type = of(context.getEnvironment());
        String message = "management port is " + type;
        return type == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    /**
     * The management port's relation to the Tornado server's port.
     *
     * @param environment the environment
     * @return same, different or disabled
     */
    static ManagementPortType of(Environment environment) {
        Binder binder = Binder.get(environment);
        Integer management = binder.bind("management.server.port", Integer.class).orElse(null);
        if (management == null) {
            return ManagementPortType.SAME;
        }
        if (management < 0) {
            return ManagementPortType.DISABLED;
        }
        int server = binder.bind("tornado.server.port", Integer.class)
                .orElseGet(() -> binder.bind("server.port", Integer.class).orElse(HttpServerOptions.DEFAULT_PORT));
        return management != 0 && management == server ? ManagementPortType.SAME : ManagementPortType.DIFFERENT;
    }

    /** Matches when the endpoints are served over HTTP at all (the management port is not negative). */
    static final class Enabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ManagementPortType type = of(context.getEnvironment());
            String message = "management port is " + type;
            return type != ManagementPortType.DISABLED ? ConditionOutcome.match(message)
                    : ConditionOutcome.noMatch(message);
        }
    }

    /** Matches when the endpoints are served by the main Tornado server. */
    static final class Same extends ManagementPortCondition {
        Same() {
            super(ManagementPortType.SAME);
        }
    }

    /** Matches when the endpoints get a server of their own. */
    static final class Different extends ManagementPortCondition {
        Different() {
            super(ManagementPortType.DIFFERENT);
        }
    }
}
