package org.tornadojava.demo.blog;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders an entry's Markdown to HTML with commonmark-java. Raw HTML in the Markdown is escaped (shown as text,
 * so no {@code <script>} gets through) and link and image URLs with an unsafe scheme ({@code javascript:},
 * {@code data:} other than images, ...) are emptied. Thread-safe; any thread.
 */
@Component
class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /**
     * Renders Markdown.
     *
     * @param markdown the text as the author wrote it
     * @return safe HTML
     */
    String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
