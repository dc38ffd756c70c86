package org.tornadojava.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default {@link TemplateEngine}: <a href="https://pebbletemplates.io">Pebble</a>, whose Jinja-style syntax
 * ({@code {{ }}}, {@code {% for %}}, {@code {% extends %}}/{@code {% block %}}, {@code {% include %}}) is the
 * closest a Java engine gets to Tornado's templates.
 *
 * <pre>{@code
 * TemplateEngine engine = PebbleTemplateEngine.builder().path("classpath:/templates/").cache(true).build();
 * }</pre>
 *
 * <p>Output of {@code {{ }}} is HTML-escaped unless autoescaping is turned off (or the value is {@link RawHtml},
 * or passes Pebble's {@code raw} filter). The namespace's {@link TemplateFunction}s named in
 * {@link #STANDARD_FUNCTIONS} (and those added with {@link Builder#function(String)}) are callable as functions:
 * {@code {{ _("Sign in") }}}, {@code {{ module("Entry", entry) }}}, {@code {{ static_url("chat.css") }}}.
 *
 * <p>Thread-safe; templates are compiled once and cached unless the cache is off (then each render reads the file
 * again, so edits show at once, as Tornado's {@code compiled_template_cache=False}).
 */
public final class PebbleTemplateEngine implements TemplateEngine {
    /** Where templates are found unless {@link Builder#path(String)} says otherwise. */
    public static final String DEFAULT_PATH = "classpath:/templates/";

    /** The namespace functions every engine exposes: Tornado's template helpers. */
    public static final Set<String> STANDARD_FUNCTIONS =
            Set.of("_", "static_url", "xsrf_form_html", "reverse_url", "module");

    private static final String CLASSPATH = "classpath:";

    private final PebbleEngine pebble;

    private PebbleTemplateEngine(Builder builder) {
        Map<String, Function> functions = new LinkedHashMap<>();
        for (String name : builder.functions) {
            functions.put(name, new NamespaceFunction(name));
        }
        List<Extension> extensions = new ArrayList<>(builder.extensions);
        extensions.add(new AbstractExtension() {
            @Override
            public Map<String, Function> getFunctions() {
                return functions;
            }
        });
        this.pebble = new PebbleEngine.Builder()
                .loader(loader(builder.path))
                .cacheActive(builder.cache)
                .autoEscaping(builder.autoescape)
                .extension(extensions.toArray(new Extension[0]))
                .build();
    }

    private static Loader<String> loader(String path) {
        if (path.startsWith(CLASSPATH)) {
            ClasspathLoader loader = new ClasspathLoader(PebbleTemplateEngine.class.getClassLoader());
            String prefix = path.substring(CLASSPATH.length());
            while (prefix.startsWith("/")) {
                prefix = prefix.substring(1);
            }
            loader.setPrefix(prefix.isEmpty() ? null : prefix);
            return loader;
        }
        return new FileLoader(Path.of(path).toAbsolutePath().toString());
    }

    /**
     * Starts building an engine with the defaults: {@value #DEFAULT_PATH}, cache on, autoescape on.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders a template with Pebble. Any thread.
     *
     * @param name the template's name relative to the template path, e.g. {@code index.html}
     * @param namespace the names the template sees
     * @return the rendered text
     * @throws TemplateException with the template's name and line when it is missing, does not parse or fails
     */
    @Override
    public String render(String name, Map<String, Object> namespace) {
        try {
            PebbleTemplate template = pebble.getTemplate(name);
            StringWriter out = new StringWriter();
            template.evaluate(out, namespace);
            return out.toString();
        } catch (PebbleException e) {
            throw translate(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateException translate(String name, PebbleException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TemplateException) {
                return (TemplateException) cause;
            }
        }
        String file = e.getFileName() != null ? e.getFileName() : name;
        int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
        Throwable cause = e.getCause() instanceof PebbleException ? null : e.getCause();
        String message = e.getPebbleMessage() != null ? e.getPebbleMessage() : String.valueOf(cause);
        if (cause != null && e.getPebbleMessage() != null) {
            message += ": " + cause;
        }
        return new TemplateException(file, line, message, cause);
    }

    /** Settings of a {@link PebbleTemplateEngine}. Not thread-safe. */
    public static final class Builder {
        private String path = DEFAULT_PATH;
        private boolean cache = true;
        private boolean autoescape = true;
        private final Set<String> functions = new LinkedHashSet<>(STANDARD_FUNCTIONS);
        private final List<Extension> extensions = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets where templates are found, Tornado's {@code template_path}: {@code classpath:/templates/} or a
         * file-system folder (templates outside it cannot be loaded).
         *
         * @param path a {@code classpath:} location or a folder
         * @return this
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Keeps compiled templates (default); off re-reads each template at every render.
         *
         * @param cache true to cache
         * @return this
         */
        public Builder cache(boolean cache) {
            this.cache = cache;
            return this;
        }

        /**
         * HTML-escapes {@code {{ }}} output (default on), Tornado's {@code autoescape="xhtml_escape"}.
         *
         * @param autoescape true to escape
         * @return this
         */
        public Builder autoescape(boolean autoescape) {
            this.autoescape = autoescape;
            return this;
        }

        /**
         * Makes another namespace entry callable as a function, for a {@link TemplateFunction} that a handler
         * puts in its {@code getTemplateNamespace()}.
         *
         * @param name the entry's name
         * @return this
         */
        public Builder function(String name) {
            functions.add(name);
            return this;
        }

        /**
         * Adds a Pebble extension (filters, tests, functions, tags).
         *
         * @param extension the extension
         * @return this
         */
        public Builder extension(Extension extension) {
            extensions.add(extension);
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         */
        public PebbleTemplateEngine build() {
            return new PebbleTemplateEngine(this);
        }
    }
}
