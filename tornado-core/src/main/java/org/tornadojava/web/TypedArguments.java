package org.tornadojava.web;

import java.util.Locale;

/**
 * Turns argument text into numbers, booleans and enum constants for the typed getters of {@link RequestHandler}.
 * Text that does not parse is the client's mistake: {@link InvalidArgumentError} (400 naming the argument).
 * Stateless; any thread.
 */
final class TypedArguments {
    private TypedArguments() {
    }

    /** A decimal {@code int} ({@code -12}, {@code +7}). */
    static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentError(name);
        }
    }

    /** A decimal {@code long}. */
    static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentError(name);
        }
    }

    /** {@code true/false}, {@code 1/0}, {@code yes/no}, {@code on/off} (a checked checkbox), any case. */
    static boolean parseBoolean(String name, String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new InvalidArgumentError(name);
        }
    }

    /** The constant of that name; when none matches exactly, the one whose name matches ignoring case. */
    static <E extends Enum<E>> E parseEnum(String name, String text, Class<E> type) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new InvalidArgumentError(name);
    }
}
