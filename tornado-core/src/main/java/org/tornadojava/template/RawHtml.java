package org.tornadojava.template;

/**
 * Markup that a template inserts as is, without autoescaping: what UI modules and {@code xsrf_form_html()} return,
 * Tornado's {@code {% raw %}} output.
 *
 * @param html the markup
 */
public record RawHtml(String html) {

    /**
     * The markup. Any thread.
     *
     * @return the markup
     */
    @Override
    public String toString() {
        return html;
    }
}
