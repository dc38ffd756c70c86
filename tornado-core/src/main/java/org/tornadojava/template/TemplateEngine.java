package org.tornadojava.template;

import java.util.Map;

/**
 * Turns a named template and a namespace into text: the engine behind {@code RequestHandler.render} and
 * {@code renderString}, Tornado's {@code template.Loader}. {@link PebbleTemplateEngine} is the default; an
 * application may plug another engine (Thymeleaf, Mustache, ...) by implementing this interface.
 *
 * <p>The namespace holds the handler's {@code getTemplateNamespace()} plus the model. Values that are
 * {@link TemplateFunction}s ({@code _}, {@code static_url}, {@code xsrf_form_html}, {@code reverse_url},
 * {@code module}) are meant to be callable from templates; a function may answer {@link RawHtml}, which an engine
 * must insert without escaping.
 *
 * <p>Implementations are shared by all requests and must be thread-safe; {@link #render} is called on the thread
 * rendering the page, normally the handler's IOLoop.
 */
public interface TemplateEngine {

    /**
     * Renders a template. Any thread; must not block on anything but reading the template.
     *
     * @param name the template's name, e.g. {@code chat/message.html}, relative to the engine's template folder
     * @param namespace the names the template sees
     * @return the rendered text
     * @throws TemplateException when the template is missing, does not parse, or fails while rendering
     */
    String render(String name, Map<String, Object> namespace);
}
