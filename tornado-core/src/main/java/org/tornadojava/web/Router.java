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
    private final Map<String, UrlSpec> literals = new HashMap<>();

    Router(List<UrlSpec> specs) {
        this.specs = List.copyOf(specs);
        for (int i = 0; i < this.specs.size(); i++) {
            UrlSpec spec = this.specs.get(i);
            String literal = spec.literalPath();
            if (literal != null && !spec.hasHost() && !literals.containsKey(literal)
                    && !matchedByEarlierRoute(literal, i)) {
                literals.put(literal, spec);
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
        UrlSpec literal = literals.get(request.path());
        if (literal != null) {
            return new Match(literal, NO_GROUPS);
        }
        return find(request.hostName(), request.path());
    }

    /** The matching route and its raw groups, or null. */
    Match find(String hostName, String path) {
        UrlSpec literal = literals.get(path);
        if (literal != null) {
            return new Match(literal, NO_GROUPS);
        }
        for (UrlSpec spec : specs) {
            if (spec.literalPath() != null && literals.get(spec.literalPath()) == spec) {
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
