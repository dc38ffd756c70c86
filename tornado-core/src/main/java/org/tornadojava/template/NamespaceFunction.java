package org.tornadojava.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;

/**
 * A Pebble function that calls the {@link TemplateFunction} of the same name in the render's namespace, so that
 * per-request helpers ({@code _}, {@code module}, ...) are plain namespace entries. Positional arguments only.
 */
final class NamespaceFunction implements Function {
    private final String name;

    NamespaceFunction(String name) {
        this.name = name;
    }

    @Override
    public List<String> getArgumentNames() {
        return null;
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
        Object function = context.getVariable(name);
        if (!(function instanceof TemplateFunction)) {
            throw new PebbleException(null, "the namespace has no function '" + name + "'", lineNumber,
                    self.getName());
        }
        Object[] positional = new Object[args.size()];
        for (int i = 0; i < positional.length; i++) {
            positional[i] = args.get(String.valueOf(i));
        }
        Object result = ((TemplateFunction) function).call(positional);
        return result instanceof RawHtml ? new SafeString(((RawHtml) result).html()) : result;
    }
}
