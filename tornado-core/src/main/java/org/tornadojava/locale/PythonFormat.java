package org.tornadojava.locale;

import java.util.Map;

/**
 * Python's {@code format % {"name": value}} for the messages of Tornado's translation files: {@code %(name)s} and
 * {@code %(name)d} take the named value, {@code %%} is a percent sign; anything else is copied.
 */
final class PythonFormat {

    private PythonFormat() {
    }

    /** The format with its named placeholders replaced; an unknown name is left as written. */
    static String named(String format, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            if (c == '%' && i + 1 < format.length() && format.charAt(i + 1) == '(') {
                int close = format.indexOf(')', i + 2);
                if (close > 0 && close + 1 < format.length() && "sd".indexOf(format.charAt(close + 1)) >= 0) {
                    String name = format.substring(i + 2, close);
                    if (values.containsKey(name)) {
                        out.append(values.get(name));
                        i = close + 2;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
