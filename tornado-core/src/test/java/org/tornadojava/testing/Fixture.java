package org.tornadojava.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that fails on purpose for the helpers' own tests: it runs only inside {@link FixtureRunner},
 * never when a build or a {@code -Dtest} pattern happens to select it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInFixtureRunner.class)
@interface Fixture {
    /** The configuration parameter {@link FixtureRunner} sets. */
    String PARAMETER = "org.tornadojava.testing.fixture";

    /** Enables the class only when {@link #PARAMETER} is set. */
    final class OnlyInFixtureRunner implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by FixtureRunner")
                    : ConditionEvaluationResult.disabled("a fixture: runs only inside FixtureRunner");
        }
    }
}
