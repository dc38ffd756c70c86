package org.tornadojava.demo.blog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tornadojava.demo.DemoServer;
import org.tornadojava.demo.HeadlessChromium;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog end to end in {@link HeadlessChromium}, with XSRF protection on: the first visit leads to the
 * author's account creation, then the author signs out and in again, writes a Markdown post whose title and text
 * hold a script, sees it on the home page and in the archive, edits it, and the feed is read and parsed as Atom.
 * Skipped when Chromium or chromedriver is not installed ({@code .ci/run} installs them).
 */
class BlogBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String TITLE = "Hello <script>window.pwned = 'title'</script> World";
    private static final String EMAIL = "ann@example.org";
    private static final String PASSWORD = "a long enough password";

    private DemoServer server;
    private WebDriver browser;
    private String base;

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startServer(@TempDir Path data) {
        server = DemoServer.start("--tornado.ioloop.threads=2", "--tornado.security.xsrf-cookies=true",
                "--tornado-demo.data-dir=" + data.toAbsolutePath());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void anAuthorSignsUpSignsInWritesAndEditsAPostThatTheFeedCarries(@TempDir Path profile) throws Exception {
        browser = HeadlessChromium.start(profile);
        open("/blog/");
        waitFor("the author creation form", page -> page.getCurrentUrl().startsWith(base + "/blog/auth/create"));
        type("name", "Ann Author");
        type("email", EMAIL);
        type("password", PASSWORD);
        submit("/blog/auth/create");
        waitFor("the compose form", page -> page.getCurrentUrl().equals(base + "/blog/compose"));

        browser.findElement(By.linkText("Sign out")).click();
        open("/blog/compose");
        waitFor("the login form", page -> page.getCurrentUrl().startsWith(base + "/blog/auth/login?next="));
        type("email", EMAIL);
        type("password", PASSWORD);
        submit("/blog/auth/login");
        waitFor("the compose form after signing in", page -> page.getCurrentUrl().equals(base + "/blog/compose"));

        type("title", TITLE);
        browser.findElement(By.name("markdown")).sendKeys("Some *emphasis* and a [link](https://example.org).\n\n"
                + "<script>window.pwned = 'body'</script>");
        submit("/blog/compose");
        waitFor("the entry page", page -> page.getCurrentUrl().startsWith(base + "/blog/entry/hello-script"));
        String entryUrl = browser.getCurrentUrl();
        WebElement entry = browser.findElement(By.cssSelector(".entry"));
        assertThat(entry.findElement(By.cssSelector("h1 a")).getText()).isEqualTo(TITLE);
        assertThat(entry.findElement(By.cssSelector(".body em")).getText()).isEqualTo("emphasis");
        assertThat(entry.findElement(By.cssSelector(".body")).getText())
                .contains("<script>window.pwned = 'body'</script>");
        assertNoScriptRan();

        open("/blog/");
        assertThat(browser.findElements(By.cssSelector(".entry h1 a"))).extracting(WebElement::getText)
                .containsExactly(TITLE);
        assertNoScriptRan();
        open("/blog/archive");
        assertThat(browser.findElement(By.cssSelector(".archive .title a")).getText()).isEqualTo(TITLE);
        assertNoScriptRan();

        open(entryUrl.substring(base.length()));
        browser.findElement(By.linkText("Edit this post")).click();
        waitFor("the edit form", page -> page.getCurrentUrl().startsWith(base + "/blog/compose?id="));
        WebElement markdown = browser.findElement(By.name("markdown"));
        markdown.clear();
        markdown.sendKeys("Edited: **strong** words.");
        submit("/blog/compose");
        waitFor("the edited entry", page -> page.getCurrentUrl().equals(entryUrl)
                && !page.findElements(By.cssSelector(".entry .body strong")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".entry .body")).getText()).isEqualTo("Edited: strong words.");

        Document feed = BlogClient.parseXml(fetch("/blog/feed"));
        Element atomEntry = (Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
        assertThat(atomEntry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
                .isEqualTo(TITLE);
        assertThat(atomEntry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content").item(0)
                .getTextContent()).isEqualTo("<p>Edited: <strong>strong</strong> words.</p>\n");
    }

    private void assertNoScriptRan() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);
    }

    private void open(String path) {
        browser.get(base + path);
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    private void submit(String action) {
        browser.findElement(By.cssSelector("form[action='" + action + "'] button[type='submit']")).click();
    }

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).withMessage("waiting for " + what).until(condition);
    }

    private String fetch(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
