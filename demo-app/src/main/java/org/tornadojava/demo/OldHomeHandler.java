package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RedirectHandler;

import java.util.Map;

/** {@code GET /old-home}: Tornado's {@code RedirectHandler}, permanently (301) to {@code /}. */
@Handler("/old-home")
class OldHomeHandler extends RedirectHandler {
    private static final Map<String, Object> TARGET = Map.of("url", "/", "permanent", true);

    @Override
    protected void initialize(Map<String, Object> kwargs) {
        super.initialize(TARGET);
    }
}
