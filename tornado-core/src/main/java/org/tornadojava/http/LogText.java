package org.tornadojava.http;

/**
 * Makes request data safe to quote in a log line: control characters (C0, DEL, C1), the Unicode line and paragraph
 * separators and the backslash itself are written as {@code \xHH} (or {@code \}{@code uHHHH}), as nginx does in its
 * access log, so a request cannot forge log lines or send escape sequences to an operator's terminal. Stateless;
 * callable from any thread.
 */
public final class LogText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /**
     * The text with every unsafe character escaped; the same instance when nothing needed escaping.
     *
     * @param text request data (a URI, a header value, a message quoting either); null gives {@code "null"}
     * @return printable text, safe for one log line
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                escaped.append(c);
            } else if (c <= 0xFF) {
                escaped.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                escaped.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return escaped.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c == '\\' || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
