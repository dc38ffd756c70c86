package org.tornadojava.web;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tornadojava.http.PercentCodec;

/**
 * One route, Tornado's {@code URLSpec}: a path regex (anchored at both ends), the factory that makes a new
 * handler for each request, init arguments passed to {@code initialize}, an optional name for
 * {@link Application#reverseUrl} and an optional host regex. Groups of the regex become the verb method's
 * {@code String} arguments, percent-decoded.
 *
 * <pre>{@code
 * UrlSpec.of("/story/([0-9]+)", StoryHandler::new).withName("story")
 * }</pre>
 *
 * <p>Immutable; the {@code with...} methods return a new spec. Thread-safe.
 */
public final class UrlSpec {
    private static final String REGEX_META = "\\^$.|?*+()[]{}";

    private final String patternText;
    private final Pattern pattern;
    private final Class<? extends RequestHandler> handlerType;
    private final Supplier<? extends RequestHandler> factory;
    private final Map<String, Object> initArgs;
    private final String name;
    private final Pattern host;
    private final String literalPath;
    private final String reverseTemplate;

    private UrlSpec(String patternText, Class<? extends RequestHandler> handlerType,
                    Supplier<? extends RequestHandler> factory, Map<String, Object> initArgs, String name,
                    Pattern host) {
        this.patternText = patternText;
        this.pattern = Pattern.compile(patternText);
        this.handlerType = handlerType;
        this.factory = Objects.requireNonNull(factory, "factory");
        this.initArgs = Map.copyOf(initArgs);
        this.name = name;
        this.host = host;
        String body = stripAnchors(patternText);
        this.literalPath = isLiteral(body) ? body : null;
        this.reverseTemplate = reverseTemplate(body, pattern.matcher("").groupCount());
    }

    /**
     * A route with no init arguments, name or host.
     *
     * @param pattern the path regex, e.g. {@code /story/([0-9]+)}; {@code ^} and {@code $} are implied
     * @param factory makes a new handler per request, e.g. {@code StoryHandler::new}
     * @return the spec
     */
    public static UrlSpec of(String pattern, Supplier<? extends RequestHandler> factory) {
        return new UrlSpec(pattern, null, factory, Map.of(), null, null);
    }

    /**
     * A route whose handler class is known without calling the factory (a dependency-injection container's
     * bean type), so {@link Application.Builder#build()} checks its verb methods against the pattern without
     * making a handler. Any thread.
     *
     * @param pattern the path regex, e.g. {@code /story/([0-9]+)}; {@code ^} and {@code $} are implied
     * @param handlerType the class of the handlers the factory makes
     * @param factory makes a new handler of that class per request
     * @return the spec
     */
    public static UrlSpec of(String pattern, Class<? extends RequestHandler> handlerType,
                             Supplier<? extends RequestHandler> factory) {
        return new UrlSpec(pattern, Objects.requireNonNull(handlerType, "handlerType"), factory, Map.of(), null,
                null);
    }

    /**
     * A path regex that matches exactly the given path: regex characters escaped one by one, so a plain path
     * stays a literal route (looked up without running a regex). Any thread.
     *
     * @param path a path, e.g. {@code /static/}
     * @return the regex, e.g. {@code /static/} or {@code /a\.b}
     */
    public static String quote(String path) {
        StringBuilder regex = new StringBuilder(path.length() + 4);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (REGEX_META.indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }

    /**
     * A copy with init arguments, passed to the handler's {@code initialize} (Tornado's kwargs).
     *
     * @param initArgs the arguments
     * @return a new spec
     */
    public UrlSpec withInitArgs(Map<String, Object> initArgs) {
        return new UrlSpec(patternText, handlerType, factory, initArgs, name, host);
    }

    /**
     * A copy with a name for {@link Application#reverseUrl}.
     *
     * @param name the route's name
     * @return a new spec
     */
    public UrlSpec withName(String name) {
        return new UrlSpec(patternText, handlerType, factory, initArgs, name, host);
    }

    /**
     * A copy that only matches requests whose host name (port stripped) matches the regex.
     *
     * @param hostPattern a regex, anchored at both ends, e.g. {@code (www\.)?example\.com}
     * @return a new spec
     */
    public UrlSpec withHost(String hostPattern) {
        return new UrlSpec(patternText, handlerType, factory, initArgs, name,
                hostPattern == null ? null : Pattern.compile(hostPattern, Pattern.CASE_INSENSITIVE));
    }

    /**
     * The path regex as given.
     *
     * @return the regex text
     */
    public String pattern() {
        return patternText;
    }

    /**
     * The route's name.
     *
     * @return the name, or null
     */
    public String name() {
        return name;
    }

    /**
     * The init arguments.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> initArgs() {
        return initArgs;
    }

    /**
     * The handler factory.
     *
     * @return the factory
     */
    public Supplier<? extends RequestHandler> factory() {
        return factory;
    }

    /** The handler class given to {@link #of(String, Class, Supplier)}, or null when only the factory knows it. */
    Class<? extends RequestHandler> handlerType() {
        return handlerType;
    }

    /**
     * Number of groups in the path regex: the number of arguments the verb method receives.
     *
     * @return the group count
     */
    public int groupCount() {
        return pattern.matcher("").groupCount();
    }

    /**
     * Tells whether the pattern is a plain path without regex characters ({@code ^} and {@code $} aside), such a
     * route matches exactly one path. Any thread.
     *
     * @return true for a literal path such as {@code /plaintext}
     */
    public boolean isLiteral() {
        return literalPath != null;
    }

    String literalPath() {
        return literalPath;
    }

    boolean hasHost() {
        return host != null;
    }

    boolean matchesHost(String hostName) {
        return host == null || host.matcher(hostName).matches();
    }

    /** Raw (still percent-encoded) groups when the path matches, else null. */
    String[] match(String path) {
        if (literalPath != null) {
            return literalPath.equals(path) ? new String[0] : null;
        }
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String[] groups = new String[matcher.groupCount()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = matcher.group(i + 1);
        }
        return groups;
    }

    /** Builds the path for the given arguments, Tornado's {@code URLSpec.reverse}. */
    String reverse(Object... args) {
        if (reverseTemplate == null) {
            throw new IllegalArgumentException("cannot reverse a URL pattern this complex: " + patternText);
        }
        int groups = groupCount();
        if (args.length != groups) {
            throw new IllegalArgumentException("route " + patternText + " needs " + groups + " arguments, got "
                    + args.length);
        }
        StringBuilder url = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < reverseTemplate.length(); i++) {
            char c = reverseTemplate.charAt(i);
            if (c == '\0') {
                url.append(PercentCodec.encodePath(String.valueOf(args[arg++])));
            } else {
                url.append(c);
            }
        }
        return url.toString();
    }

    private static String stripAnchors(String regex) {
        String body = regex.startsWith("^") ? regex.substring(1) : regex;
        return body.endsWith("$") && !body.endsWith("\\$") ? body.substring(0, body.length() - 1) : body;
    }

    private static boolean isLiteral(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (REGEX_META.indexOf(body.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tornado's reversing rule: each top-level group becomes a placeholder (NUL here), escaped characters
     * outside groups are unescaped, and a pattern with nested groups or character classes cannot be reversed.
     */
    private static String reverseTemplate(String body, int groupCount) {
        int opening = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '(') {
                opening++;
            }
        }
        if (opening != groupCount) {
            return null;
        }
        StringBuilder template = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                if (depth++ > 0) {
                    return null;
                }
                template.append('\0');
            } else if (c == ')') {
                depth--;
            } else if (depth > 0) {
                if (c == '\\') {
                    i++;
                }
            } else if (c == '\\') {
                if (i + 1 >= body.length() || Character.isLetterOrDigit(body.charAt(i + 1))) {
                    return null;
                }
                template.append(body.charAt(++i));
            } else {
                template.append(c);
            }
        }
        return template.toString();
    }

    @Override
    public String toString() {
        return "UrlSpec(" + patternText + (name != null ? ", name=" + name : "") + ")";
    }
}
