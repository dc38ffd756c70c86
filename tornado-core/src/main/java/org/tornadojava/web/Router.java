package org.tornadojava.web;

import org.tornadojava.http.HttpServerRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first {@link UrlSpec} matching a request, in the order the routes were added (Tornado's rule).
 * A literal path (no regex characters, no host) that no earlier regex can match is looked up in a hash map;
 * the other routes are tried in order. Immutable; thread-safe.
 */
final class Router {
    private static final String[] NO_GROUPS = new String[0];

    private final List<UrlSpec> specs;
    /** The match of each literal path, built once: literal routes have no groups, so one match serves all. */
    private final Map<String, Match> literals = new HashMap<>();

    Router(List<UrlSpec> specs) {
        this.specs = List.copyOf(specs);
        for (int i = 0; i < this.specs.size(); i++) {
            UrlSpec spec = this.specs.get(i);
            String literal = spec.literalPath();
            if (literal != null && !spec.hasHost() && !literals.containsKey(literal)
                    && !matchedByEarlierRoute(literal, i)) {
                literals.put(literal, new Match(spec, NO_GROUPS));
            }
        }
    }

    private boolean matchedByEarlierRoute(String path, int index) {
        for (int i = 0; i < index; i++) {
            if (specs.get(i).match(path) != null) {
                return true;
            }
        }
        return false;
    }

    /** The route of a request; its host name is only worked out when no literal path matched. */
    Match find(HttpServerRequest request) {
        Match literal = literals.get(request.path());
        return literal != null ? literal : find(request.hostName(), request.path());
    }

    /** The matching route and its raw groups, or null. */
    Match find(String hostName, String path) {
        Match literal = literals.get(path);
        if (literal != null) {
            return literal;
        }
        for (UrlSpec spec : specs) {
            if (isLiteralRoute(spec)) {
                continue;
            }
            if (!spec.matchesHost(hostName)) {
                continue;
            }
            String[] groups = spec.match(path);
            if (groups != null) {
                return new Match(spec, groups);
            }
        }
        return null;
    }

    /** True for a route answered by the literal lookup, so the ordered scan need not try it. */
    private boolean isLiteralRoute(UrlSpec spec) {
        Match literal = spec.literalPath() == null ? null : literals.get(spec.literalPath());
        return literal != null && literal.spec == spec;
    }

    List<UrlSpec> specs() {
        return specs;
    }

    /** A route and the raw, still percent-encoded groups of the path. */
    static final class Match {
        final UrlSpec spec;
        final String[] rawGroups;

        Match(UrlSpec spec, String[] rawGroups) {
            this.spec = spec;
            this.rawGroups = rawGroups;
        }
    }
}
