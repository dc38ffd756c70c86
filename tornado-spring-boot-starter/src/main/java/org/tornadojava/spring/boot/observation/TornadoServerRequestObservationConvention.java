package org.tornadojava.spring.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a request served by Tornado. Define a bean of this type to replace
 * {@link DefaultTornadoServerRequestObservationConvention} (or extend that class to add tags).
 */
public interface TornadoServerRequestObservationConvention
        extends ObservationConvention<TornadoServerRequestObservationContext> {

    /**
     * Whether this convention applies to the context. Any thread.
     *
     * @param context the context
     * @return true for a {@link TornadoServerRequestObservationContext}
     */
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof TornadoServerRequestObservationContext;
    }
}
