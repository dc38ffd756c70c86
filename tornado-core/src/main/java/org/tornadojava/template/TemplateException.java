package org.tornadojava.template;

/**
 * A template could not be rendered: it is missing, it does not parse, or an expression failed. Carries the name of
 * the template at fault and the line, so that one log line says where to look.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int lineNumber;

    /**
     * A failure of a template.
     *
     * @param templateName the template at fault (the included one when an include failed)
     * @param lineNumber the line, or 0 when unknown (a missing template)
     * @param message what went wrong
     * @param cause the exception thrown by code the template called, or null
     */
    public TemplateException(String templateName, int lineNumber, String message, Throwable cause) {
        super(describe(templateName, lineNumber, message), cause);
        this.templateName = templateName;
        this.lineNumber = lineNumber;
    }

    private static String describe(String templateName, int lineNumber, String message) {
        return "template " + templateName + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + message;
    }

    /**
     * The template at fault. Any thread.
     *
     * @return its name
     */
    public String templateName() {
        return templateName;
    }

    /**
     * The line of the template at fault. Any thread.
     *
     * @return the line number, or 0 when unknown
     */
    public int lineNumber() {
        return lineNumber;
    }
}
