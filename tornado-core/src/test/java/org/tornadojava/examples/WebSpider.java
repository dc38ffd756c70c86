package org.tornadojava.examples;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.concurrent.Futures;
import org.tornadojava.httpclient.AsyncHttpClient;
import org.tornadojava.httpclient.HttpClientOptions;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.queues.Queue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tornado's {@code demos/webspider/webspider.py} on {@link Queue}: {@code concurrency} workers take URLs from the
 * queue, fetch each page once and put back the links found under the base URL, until {@link Queue#join} says every
 * URL put has been handled. The workers, the queue's futures and the client's all complete on the loop
 * {@link #crawl} was called on, so the two sets need no locking (as in Tornado).
 */
public final class WebSpider {
    private static final Logger LOG = LoggerFactory.getLogger(WebSpider.class);
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);

    private final String baseUrl;
    private final int concurrency;
    private final AsyncHttpClient client;
    private final Queue<String> q = new Queue<>();
    private final Set<String> fetching = new HashSet<>();
    private final Set<String> fetched = new HashSet<>();

    /**
     * Prepares a crawl.
     *
     * @param baseUrl where to start; only links beneath it are followed
     * @param concurrency how many pages are fetched at once
     * @param client the client fetching pages
     */
    public WebSpider(String baseUrl, int concurrency, AsyncHttpClient client) {
        this.baseUrl = baseUrl;
        this.concurrency = concurrency;
        this.client = client;
    }

    /**
     * Crawls from the base URL. Call on an IOLoop.
     *
     * @param timeout longest crawl
     * @return the URLs fetched
     */
    public CompletableFuture<Set<String>> crawl(Duration timeout) {
        long start = System.nanoTime();
        q.put(baseUrl);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(q.forEach(this::fetchUrl));
        }
        return q.join(timeout).whenComplete((done, error) -> workers.forEach(worker -> worker.cancel(false)))
                .thenApply(done -> {
                    if (!fetching.equals(fetched)) {
                        throw new IllegalStateException("fetching " + fetching + " but fetched " + fetched);
                    }
                    LOG.info("Done in {} ms, fetched {} URLs.", (System.nanoTime() - start) / 1_000_000,
                            fetched.size());
                    return Set.copyOf(fetched);
                });
    }

    private CompletableFuture<Void> fetchUrl(String currentUrl) {
        if (!fetching.add(currentUrl)) {
            q.taskDone();
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("fetching {}", currentUrl);
        return getLinksFromUrl(currentUrl).thenCompose(urls -> {
            fetched.add(currentUrl);
            List<CompletableFuture<Void>> puts = new ArrayList<>();
            for (String newUrl : urls) {
                if (newUrl.startsWith(baseUrl)) {
                    puts.add(q.put(newUrl));
                }
            }
            return Futures.all(puts);
        }).<Void>thenApply(puts -> null).whenComplete((value, error) -> q.taskDone());
    }

    /** Downloads the page and returns its links, made absolute and without their fragment ([] on failure). */
    private CompletableFuture<List<String>> getLinksFromUrl(String url) {
        return client.fetch(url).thenApply(response -> {
            LOG.info("fetched {}", url);
            List<String> urls = new ArrayList<>();
            for (String link : getLinks(response.text())) {
                urls.add(removeFragment(URI.create(url).resolve(link)));
            }
            return urls;
        }).exceptionally(error -> {
            LOG.info("Exception: {} {}", error.getMessage(), url);
            return List.of();
        });
    }

    private static List<String> getLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    private static String removeFragment(URI url) {
        try {
            return new URI(url.getScheme(), url.getAuthority(), url.getPath(), url.getQuery(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Crawls {@code args[0]} (Tornado's documentation by default) with 10 workers, for at most 300 seconds.
     *
     * @param args the base URL, optionally
     * @throws Exception when the crawl fails or times out
     */
    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "https://www.tornadoweb.org/en/stable/";
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO);
             AsyncHttpClient client = new AsyncHttpClient(loops, new HttpClientOptions())) {
            IOLoop.runSync(loops, () -> new WebSpider(baseUrl, 10, client).crawl(Duration.ofSeconds(300)),
                    Duration.ofSeconds(310));
        }
    }
}
