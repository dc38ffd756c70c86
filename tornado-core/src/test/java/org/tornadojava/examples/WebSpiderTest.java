package org.tornadojava.examples;

import org.junit.jupiter.api.Test;
import org.tornadojava.httpclient.AsyncHttpClient;
import org.tornadojava.httpclient.HttpClientOptions;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.support.TestServer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WebSpiderTest {
    /** A small site: relative, absolute, fragment and outside links, a cycle, and a dead link. */
    private static final Map<String, String> PAGES = Map.of(
            "/docs/", "<a href=\"a.html\">a</a> <A HREF='b.html#part'>b</A> <a href=\"/outside.html\">out</a>",
            "/docs/a.html", "<a href=\"b.html\">b</a> <a class=\"x\" href=\"sub/c.html\">c</a>",
            "/docs/b.html", "<a href=\"./\">home</a> <a href=\"missing.html\">dead link</a>",
            "/docs/sub/c.html", "<a href=\"../a.html#top\">a again</a>",
            "/outside.html", "<a href=\"/docs/never.html\">never followed</a>");

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private final class PageHandler extends RequestHandler {
        public void get(String path) {
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String page = PAGES.get(path);
            if (page == null) {
                throw new HttpError(404);
            }
            setHeader("Content-Type", "text/html");
            write(page);
        }
    }

    @Test
    void spiderFetchesEveryPageBeneathTheBaseUrlOnceWithAFewWorkers() throws Exception {
        Application site = Application.builder().route("(/.*)", PageHandler::new).build();
        try (TestServer server = TestServer.start(site);
             IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO);
             AsyncHttpClient client = new AsyncHttpClient(loops, new HttpClientOptions())) {
            String base = "http://127.0.0.1:" + server.port() + "/docs/";
            Set<String> fetched = IOLoop.runSync(loops,
                    () -> new WebSpider(base, 3, client).crawl(Duration.ofSeconds(30)), Duration.ofSeconds(60));
            assertThat(fetched).containsExactlyInAnyOrder(base, base + "a.html", base + "b.html",
                    base + "sub/c.html", base + "missing.html");
            assertThat(requests.keySet()).containsExactlyInAnyOrder("/docs/", "/docs/a.html", "/docs/b.html",
                    "/docs/sub/c.html", "/docs/missing.html");
            assertThat(requests.values()).allMatch(count -> count.get() == 1);
        }
    }
}
