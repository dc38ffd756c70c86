package org.tornadojava.web;

/**
 * Tornado's {@code xhtml_escape}: makes text safe inside HTML by escaping {@code & < > " '}. Thread-safe.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * Escapes text for HTML. Any thread.
     *
     * @param text the raw text
     * @return the text with {@code &amp; &lt; &gt; &quot; &#39;} in place of the special characters
     */
    public static String xhtmlEscape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            switch (c) {
                case '&': replacement = "&amp;"; break;
                case '<': replacement = "&lt;"; break;
                case '>': replacement = "&gt;"; break;
                case '"': replacement = "&quot;"; break;
                case '\'': replacement = "&#39;"; break;
                default: replacement = null;
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
