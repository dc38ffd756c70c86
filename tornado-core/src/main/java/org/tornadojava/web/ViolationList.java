package org.tornadojava.web;

/**
 * The HTML list of a {@link ValidationError}'s violations on the default error page:
 * {@code <ul><li>title: must not be blank</li></ul>}, escaped. Stateless; any thread.
 */
final class ViolationList {
    private ViolationList() {
    }

    /**
     * The list for an error page.
     *
     * @param error what caused the error, or null
     * @return the list when {@code error} is a {@link ValidationError}, else the empty string
     */
    static String html(Throwable error) {
        if (!(error instanceof ValidationError)) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul>");
        for (Violation violation : ((ValidationError) error).violations()) {
            html.append("<li>");
            if (!violation.field().isEmpty()) {
                html.append(Escape.xhtmlEscape(violation.field())).append(": ");
            }
            html.append(Escape.xhtmlEscape(violation.message())).append("</li>");
        }
        return html.append("</ul>").toString();
    }
}
