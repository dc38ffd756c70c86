package org.tornadojava.testing;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a fixture test class with JUnit's launcher, so the helpers' own tests can see them fail. */
final class FixtureRunner {
    private FixtureRunner() {
    }

    /**
     * Runs the class (extension auto-detection on, as in the build) and returns its summary; the build's own
     * listeners are not told, so the fixture's deliberate failures stay out of its reports.
     */
    static TestExecutionSummary run(Class<?> fixture) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false).build());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter(Fixture.PARAMETER, "true").build(), listener);
        return listener.getSummary();
    }

    /** The failures of a run, tests and containers alike. */
    static List<Throwable> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(TestExecutionSummary.Failure::getException)
                .collect(Collectors.toList());
    }
}
