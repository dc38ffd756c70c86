package org.tornadojava.demo;

import org.tornadojava.web.Escape;
import org.tornadojava.web.RequestHandler;

/**
 * The HTML frame the demo's pages share: doctype, title and the demo's style sheet from {@code /static/}.
 * Stateless; runs on the calling handler's IOLoop (the style sheet's version hash is cached after the first page).
 */
public final class Page {
    private Page() {
    }

    /**
     * A whole page.
     *
     * @param handler the handler writing it, for the versioned static URL
     * @param title the title, plain text (escaped here)
     * @param body the body's inner HTML, already escaped where it holds user data
     * @return the page
     */
    public static String html(RequestHandler handler, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Escape.xhtmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + Escape.xhtmlEscape(handler.staticUrl("chat.css")) + "\">"
                + "</head>\n<body>\n" + body + "\n</body></html>\n";
    }
}
