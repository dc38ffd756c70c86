package org.tornadojava.template;

/**
 * A function a template can call, such as Tornado's {@code static_url("app.js")} or {@code _("Hello")}. The
 * namespace of {@code render} holds the standard ones; an engine adapter exposes them in its own syntax.
 */
@FunctionalInterface
public interface TemplateFunction {

    /**
     * Calls the function. On the thread rendering the template, normally the handler's IOLoop.
     *
     * @param args the arguments the template passed, in order
     * @return the value to output; {@link RawHtml} is inserted without escaping
     */
    Object call(Object... args);
}
