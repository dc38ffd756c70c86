package org.tornadojava.web;

import java.util.Arrays;
import java.util.List;

/**
 * The HTTP methods a {@link RequestHandler} class answers, as its {@code Allow} header lists them (a {@code get}
 * method answers HEAD too), e.g. to describe routes. Thread-safe; the class is inspected once.
 */
public final class HandlerVerbs {
    private HandlerVerbs() {
    }

    /**
     * The methods a handler class answers. Any thread.
     *
     * @param type the handler class
     * @return the methods in {@code GET, HEAD, POST, DELETE, PATCH, PUT, OPTIONS} order; empty when it has none
     */
    public static List<String> of(Class<? extends RequestHandler> type) {
        String allow = HandlerMethods.of(type).allow();
        return allow.isEmpty() ? List.of() : Arrays.asList(allow.split(", "));
    }
}
