package org.tornadojava.demo;

import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.RequestHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fortunes}: TechEmpower's fortunes test. The twelve fortunes plus one added at request time, sorted by
 * message, as an HTML table rendered by {@code templates/fortunes.html} (escaped by the template). IOLoop thread.
 */
@Handler("/fortunes")
class FortunesHandler extends RequestHandler {
    private static final Fortune ADDED = new Fortune(0, "Additional fortune added at request time.");

    public void get() {
        List<Fortune> fortunes = new ArrayList<>(Fortune.ALL.size() + 1);
        fortunes.addAll(Fortune.ALL);
        fortunes.add(ADDED);
        fortunes.sort(Comparator.comparing(Fortune::message));
        render("fortunes.html", Map.of("fortunes", fortunes));
    }
}
