package org.tornadojava.template;

import org.tornadojava.web.Escape;
import org.tornadojava.web.RequestHandler;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The UI modules of one request: renders each use of a module (a new instance each time) and remembers the CSS and
 * JavaScript they declared, to put into the page as Tornado's {@code render} does. Confined to the handler's IOLoop
 * thread; one per handler.
 */
public final class ModuleRenderer {
    private final RequestHandler handler;
    private final Map<String, Supplier<? extends UIModule>> factories;
    private final Set<String> cssFiles = new LinkedHashSet<>();
    private final Set<String> javascriptFiles = new LinkedHashSet<>();
    private final Set<String> embeddedCss = new LinkedHashSet<>();
    private final Set<String> embeddedJavascript = new LinkedHashSet<>();

    /**
     * A renderer for one handler's page.
     *
     * @param handler the handler rendering the page
     * @param factories the application's modules by name
     */
    public ModuleRenderer(RequestHandler handler, Map<String, Supplier<? extends UIModule>> factories) {
        this.handler = handler;
        this.factories = factories;
    }

    /**
     * Renders one use of a module: a new instance from its factory, bound to the handler. IOLoop thread.
     *
     * @param name the module's registered name, e.g. {@code Entry}
     * @param args the arguments for its {@code render}
     * @return its HTML, not to be escaped
     * @throws IllegalArgumentException when no module has that name
     */
    public RawHtml render(String name, Object... args) {
        Supplier<? extends UIModule> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no UI module named '" + name + "'; known: " + factories.keySet());
        }
        UIModule module = factory.get();
        module.attach(handler);
        String html = module.render(args);
        addIfPresent(embeddedCss, module.embeddedCss());
        addIfPresent(embeddedJavascript, module.embeddedJavascript());
        cssFiles.addAll(module.cssFiles());
        javascriptFiles.addAll(module.javascriptFiles());
        return new RawHtml(html == null ? "" : html);
    }

    private static void addIfPresent(Set<String> parts, String part) {
        if (part != null && !part.isEmpty()) {
            parts.add(part);
        }
    }

    /**
     * Puts the gathered resources into a page, as Tornado's {@code render}: linked then embedded CSS before the
     * first {@code </head>}, linked then embedded scripts before the last {@code </body>} (a page without
     * {@code </head>} gets its CSS first, one without {@code </body>} its scripts last). Each file and each
     * embedded part appears once. IOLoop thread.
     *
     * @param html the rendered page
     * @return the page with the resources, or {@code html} itself when the modules declared none
     */
    public String injectResources(String html) {
        StringBuilder head = new StringBuilder();
        for (String path : cssFiles) {
            head.append("<link href=\"").append(Escape.xhtmlEscape(url(path)))
                    .append("\" type=\"text/css\" rel=\"stylesheet\"/>");
        }
        if (!embeddedCss.isEmpty()) {
            head.append("<style type=\"text/css\">\n").append(String.join("\n", embeddedCss)).append("\n</style>");
        }
        StringBuilder body = new StringBuilder();
        for (String path : javascriptFiles) {
            body.append("<script src=\"").append(Escape.xhtmlEscape(url(path)))
                    .append("\" type=\"text/javascript\"></script>");
        }
        if (!embeddedJavascript.isEmpty()) {
            body.append("<script type=\"text/javascript\">\n//<![CDATA[\n")
                    .append(String.join("\n", embeddedJavascript)).append("\n//]]>\n</script>");
        }
        if (head.length() == 0 && body.length() == 0) {
            return html;
        }
        StringBuilder page = new StringBuilder(html);
        if (body.length() > 0) {
            int end = page.lastIndexOf("</body>");
            page.insert(end < 0 ? page.length() : end, body.append('\n'));
        }
        if (head.length() > 0) {
            int end = page.indexOf("</head>");
            page.insert(Math.max(end, 0), head.append('\n'));
        }
        return page.toString();
    }

    /** Static-folder paths become versioned URLs; absolute paths and URLs stay. */
    private String url(String path) {
        if (path.startsWith("/") || path.startsWith("http:") || path.startsWith("https:")) {
            return path;
        }
        return handler.staticUrl(path);
    }
}
