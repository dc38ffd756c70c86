package org.tornadojava.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.locale.UserLocale;
import org.tornadojava.template.ModuleRenderer;
import org.tornadojava.template.RawHtml;
import org.tornadojava.template.TemplateException;
import org.tornadojava.template.TemplateFunction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The page layer of one handler, behind {@code RequestHandler.render}: the standard template namespace, the model,
 * the UI modules the page used, the user's locale, and what a failing template answers (500, one ERROR line).
 * Confined to the handler's IOLoop thread.
 */
final class HandlerTemplates {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final ClassValue<Method[]> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private final RequestHandler handler;
    private ModuleRenderer modules;
    private UserLocale locale;
    private int depth;

    HandlerTemplates(RequestHandler handler) {
        this.handler = handler;
    }

    /** The page with the CSS and JavaScript of its UI modules, ready for {@code finish}. */
    String render(String name, Object model) {
        return modules().injectResources(renderString(name, model));
    }

    /**
     * Renders with the handler's namespace plus the model. A template failure ends the request: the outermost
     * render logs one ERROR line naming the template and line, sends a 500 (the details in the page when debug)
     * and throws {@link Finish}; a nested render (from a UI module) lets the failure reach the outer one.
     */
    String renderString(String name, Object model) {
        Map<String, Object> namespace = new HashMap<>(handler.getTemplateNamespace());
        namespace.putAll(modelMap(model));
        depth++;
        try {
            return handler.application().templateEngine().render(name, namespace);
        } catch (TemplateException e) {
            if (depth > 1) {
                throw e;
            }
            HttpServerRequest request = handler.request();
            String where = request.method() + " " + request.uri() + " (" + request.remoteIp() + ")";
            if (e.getCause() != null) {
                APP_LOG.error("{} in {}", e.getMessage(), where, e.getCause());
            } else {
                APP_LOG.error("{} in {}", e.getMessage(), where);
            }
            handler.sendError(500, e);
            throw new Finish();
        } finally {
            depth--;
        }
    }

    /** Tornado's {@code get_template_namespace}: the names every template sees. */
    Map<String, Object> standardNamespace() {
        Map<String, Object> namespace = new HashMap<>();
        namespace.put("handler", handler);
        namespace.put("request", handler.request());
        namespace.put("current_user", handler.currentUser());
        UserLocale userLocale = locale();
        namespace.put("locale", userLocale);
        namespace.put("_", (TemplateFunction) (args) -> translate(userLocale, args));
        namespace.put("static_url", (TemplateFunction) (args) -> handler.staticUrl(String.valueOf(args[0])));
        namespace.put("xsrf_form_html", (TemplateFunction) (args) -> new RawHtml(handler.xsrfFormHtml()));
        namespace.put("reverse_url", (TemplateFunction) (args) ->
                handler.reverseUrl(String.valueOf(args[0]), Arrays.copyOfRange(args, 1, args.length)));
        ModuleRenderer renderer = modules();
        namespace.put("modules", renderer);
        namespace.put("module", (TemplateFunction) (args) ->
                renderer.render(String.valueOf(args[0]), Arrays.copyOfRange(args, 1, args.length)));
        return namespace;
    }

    private static String translate(UserLocale userLocale, Object[] args) {
        if (args.length >= 3) {
            return userLocale.translate(String.valueOf(args[0]), String.valueOf(args[1]),
                    ((Number) args[2]).intValue());
        }
        return userLocale.translate(String.valueOf(args[0]));
    }

    /** The user's locale: {@code getUserLocale()}, else the browser's; decided once per request. */
    UserLocale locale() {
        if (locale == null) {
            UserLocale chosen = handler.getUserLocale();
            locale = chosen != null ? chosen : handler.getBrowserLocale();
        }
        return locale;
    }

    private ModuleRenderer modules() {
        if (modules == null) {
            modules = new ModuleRenderer(handler, handler.application().uiModules());
        }
        return modules;
    }

    /** A map's entries, or a record's components by name; null is an empty model. */
    static Map<String, Object> modelMap(Object model) {
        Map<String, Object> names = new HashMap<>();
        if (model == null) {
            return names;
        }
        if (model instanceof Map) {
            ((Map<?, ?>) model).forEach((key, value) -> names.put(String.valueOf(key), value));
            return names;
        }
        if (!model.getClass().isRecord()) {
            throw new IllegalArgumentException("a template model is a Map or a record, not " + model.getClass());
        }
        for (Method accessor : RECORD_ACCESSORS.get(model.getClass())) {
            try {
                names.put(accessor.getName(), accessor.invoke(model));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("reading " + accessor + " failed", e.getCause());
            }
        }
        return names;
    }
}
