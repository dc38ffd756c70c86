package org.tornadojava.spring.boot.actuate;

import org.springframework.boot.actuate.endpoint.web.WebOperation;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One actuator endpoint path as {@link WebEndpointTable} matches it: the path as a regex (one group per path
 * variable), the variable names in group order (the match-all one, if any, split into segments), and the
 * operation of each HTTP method on it. Immutable; thread-safe.
 *
 * @param path the path as Boot declares it, e.g. {@code /actuator/health/{*path}}
 * @param pattern the path as a regex
 * @param variables the path variable names, one per regex group
 * @param matchAllVariable the variable matching all remaining path segments, or null
 * @param operations the operation of each HTTP method ({@code GET}, {@code POST}, {@code DELETE})
 */
record EndpointRoute(String path, Pattern pattern, List<String> variables, String matchAllVariable,
                     Map<String, WebOperation> operations) {
}
