package org.tornadojava.template;

import org.tornadojava.web.RequestHandler;

import java.util.List;
import java.util.Map;

/**
 * A reusable piece of a page, Tornado's {@code UIModule}: a template calls {@code {{ module("Entry", entry) }}}
 * and gets the HTML of {@link #render}; the CSS and JavaScript the modules of a page declare are gathered into its
 * {@code <head>} and before its {@code </body>} by {@code RequestHandler.render}.
 *
 * <pre>{@code
 * public class EntryModule extends UIModule {
 *     public String render(Object... args) {
 *         return renderString("modules/entry.html", Map.of("entry", args[0]));
 *     }
 *     public List<String> cssFiles() {
 *         return List.of("entry.css");
 *     }
 * }
 * Application.builder().uiModule("Entry", EntryModule::new)
 * }</pre>
 *
 * <p>A new instance serves each use in a template (register a factory, or in Spring a {@code @UiModule} bean, which
 * is created anew per use). All methods are called on the handler's IOLoop thread, while the page renders.
 */
public abstract class UIModule {
    private RequestHandler handler;

    /** Subclasses get their dependencies through the constructor; the handler is set before {@link #render}. */
    protected UIModule() {
    }

    /** Binds this instance to the handler whose page uses it; called once, before {@link #render}. */
    final void attach(RequestHandler handler) {
        this.handler = handler;
    }

    /**
     * Renders the module. IOLoop thread.
     *
     * @param args the arguments the template passed after the module's name
     * @return HTML, inserted into the page without escaping (escape what comes from users, or use a template)
     */
    public abstract String render(Object... args);

    /**
     * The handler rendering the page. IOLoop thread.
     *
     * @return the handler
     */
    protected RequestHandler handler() {
        return handler;
    }

    /**
     * Renders a template with the handler's engine and namespace plus {@code model}, as
     * {@code RequestHandler.renderString} does. IOLoop thread.
     *
     * @param template the template's name
     * @param model the names added to the namespace
     * @return the rendered text
     */
    protected String renderString(String template, Map<String, ?> model) {
        return handler.renderString(template, model);
    }

    /**
     * CSS put into the page's {@code <head>} inside one {@code <style>} element. IOLoop thread.
     *
     * @return the CSS, or null for none (the default)
     */
    public String embeddedCss() {
        return null;
    }

    /**
     * JavaScript put before the page's {@code </body>} inside one {@code <script>} element. IOLoop thread.
     *
     * @return the script, or null for none (the default)
     */
    public String embeddedJavascript() {
        return null;
    }

    /**
     * Style sheets linked from the page's {@code <head>}: paths relative to the static folder (versioned with
     * {@code static_url}), or absolute paths and URLs kept as they are. IOLoop thread.
     *
     * @return the style sheets, empty for none (the default)
     */
    public List<String> cssFiles() {
        return List.of();
    }

    /**
     * Scripts loaded before the page's {@code </body>}, named as {@link #cssFiles()}. IOLoop thread.
     *
     * @return the scripts, empty for none (the default)
     */
    public List<String> javascriptFiles() {
        return List.of();
    }
}
