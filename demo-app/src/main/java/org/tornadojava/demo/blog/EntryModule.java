package org.tornadojava.demo.blog;

import org.tornadojava.spring.boot.UiModule;
import org.tornadojava.template.UIModule;

import java.util.Map;

/**
 * The {@code Entry} UI module of Tornado's blog demo: {@code {{ module("Entry", entry) }}} renders one entry
 * (title linking to it, date, text, and an edit link for the signed-in author) with
 * {@code templates/blog/modules/entry.html}. A new instance per use; IOLoop thread.
 */
@UiModule("Entry")
class EntryModule extends UIModule {
    /**
     * Renders an entry.
     *
     * @param args one {@link Entry}
     * @return its HTML
     */
    @Override
    public String render(Object... args) {
        return renderString("blog/modules/entry.html", Map.of("entry", args[0]));
    }
}
