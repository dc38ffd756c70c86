package org.tornadojava.web;

import java.util.Map;

/**
 * Redirects every GET to another URL, Tornado's {@code RedirectHandler}. Init arguments: {@code url} (required;
 * {@code {0}}, {@code {1}}... are replaced by the route's path groups) and {@code permanent} (default true: 301;
 * false: 302). The request's query string is carried over.
 *
 * <pre>{@code
 * .route("/old-home", RedirectHandler::new, Map.of("url", "/"))
 * .route("/a/(.*)/(.*)", RedirectHandler::new, Map.of("url", "/b/{1}/{0}"))
 * }</pre>
 */
public class RedirectHandler extends RequestHandler {
    private String url;
    private boolean permanent = true;

    @Override
    protected void initialize(Map<String, Object> kwargs) {
        Object target = kwargs.get("url");
        if (!(target instanceof String)) {
            throw new IllegalArgumentException("RedirectHandler needs a String init argument 'url'");
        }
        url = (String) target;
        Object permanentArg = kwargs.get("permanent");
        if (permanentArg != null) {
            permanent = (Boolean) permanentArg;
        }
    }

    /**
     * Sends the redirect. IOLoop thread.
     *
     * @param args the route's path groups, substituted for {@code {0}}, {@code {1}}...
     */
    public void get(String... args) {
        String target = url;
        for (int i = 0; i < args.length; i++) {
            target = target.replace("{" + i + "}", args[i] == null ? "" : args[i]);
        }
        String query = request().query();
        if (!query.isEmpty()) {
            target += (target.indexOf('?') >= 0 ? "&" : "?") + query;
        }
        redirect(target, permanent);
    }
}
