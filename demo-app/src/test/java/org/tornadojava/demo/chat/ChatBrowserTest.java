package org.tornadojava.demo.chat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tornadojava.demo.DemoServer;
import org.tornadojava.demo.HeadlessChromium;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people chat in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium
 * with explicit paths: the driver path given to the service makes Selenium skip Selenium Manager, so nothing is
 * downloaded): first by long polling, then with {@code ?transport=websocket}, and with {@code ?transport=sse}
 * (Server-Sent Events). XSRF protection is on, so the login
 * form and the page script must send the {@code _xsrf} token.
 * Every check is on what the other browser's page shows, so a broken page script fails the test. Skipped when
 * Chromium or chromedriver is not installed ({@code .ci/run} installs them). The room's screenshot goes to
 * {@code target/chat-room.png}, or to the path in the system property {@code demo.screenshot}
 * ({@code -Ddemo.screenshot=../docs/images/chat-room.png} refreshes the README's picture).
 */
class ChatBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<WebDriver> browsers = new ArrayList<>();
    private DemoServer server;
    private ChatClient client;
    private String base;

    @BeforeAll
    static void chromiumIsInstalled() {
        HeadlessChromium.assumeInstalled();
    }

    @BeforeEach
    void startServer() {
        server = DemoServer.start("--tornado.ioloop.threads=2", "--tornado.security.xsrf-cookies=true");
        client = new ChatClient(server.port());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stopEverything() {
        browsers.forEach(WebDriver::quit);
        server.close();
    }

    @Test
    void twoPeopleChatByLongPollingThenByWebSocket(@TempDir Path profiles) throws Exception {
        Chatter alice = new Chatter("alice", browser(profiles.resolve("alice")));
        Chatter bob = new Chatter("bob", browser(profiles.resolve("bob")));
        alice.signIn();
        bob.signIn();

        awaitStats(new ChatStats(2, 0, 0));
        talk(alice, "Hi Bob! <b>This is not bold</b>", bob, "Hello Alice, this came by long polling.");

        try (LogCapture access = LogCapture.of("tornado.access")) {
            alice.open("/room?transport=websocket");
            bob.open("/room?transport=websocket");
            awaitStats(new ChatStats(0, 2, 2));
            talk(bob, "Now over the WebSocket & still escaped: <i>text</i>", alice, "Both transports share one room.");
            // 499: the long polls of the pages left behind, cut off by the navigation (issue 17 logs them).
            assertThat(access.messagesOf("tornado.access")).filteredOn(line -> !line.startsWith("499 "))
                    .noneMatch(line -> line.contains(" /a/message/"));
        }
        assertThat(alice.browser().findElements(By.cssSelector("#inbox .message"))).hasSize(4);
        saveScreenshot(alice.browser());
    }

    @Test
    void twoPeopleChatByServerSentEvents(@TempDir Path profiles) throws Exception {
        Chatter alice = new Chatter("alice", browser(profiles.resolve("alice")));
        Chatter bob = new Chatter("bob", browser(profiles.resolve("bob")));
        alice.signIn();
        bob.signIn();
        alice.open("/room?transport=sse");
        bob.open("/room?transport=sse");

        awaitStats(new ChatStats(0, 2, 0));
        talk(alice, "Hi Bob! <b>Events, not bold</b>", bob, "Hello Alice, this came as a Server-Sent Event.");
        assertThat(alice.browser().findElements(By.cssSelector("#inbox .message"))).hasSize(2);
    }

    /** One says something, the other sees it and answers, the first sees the answer; neither page reloads. */
    private static void talk(Chatter first, String message, Chatter second, String answer) {
        first.markPage();
        second.markPage();
        first.say(message);
        second.sees(first, message);
        second.say(answer);
        first.sees(second, answer);
        first.assertPageNotReloaded();
        second.assertPageNotReloaded();
    }

    private WebDriver browser(Path profile) {
        WebDriver driver = HeadlessChromium.start(profile);
        browsers.add(driver);
        return driver;
    }

    /** One person at one browser. */
    private final class Chatter {
        private final String name;
        private final WebDriver browser;

        Chatter(String name, WebDriver browser) {
            this.name = name;
            this.browser = browser;
        }

        WebDriver browser() {
            return browser;
        }

        void open(String path) {
            browser.get(base + path);
        }

        /** Opens the room, is sent to the login form, signs in and lands in the room. */
        void signIn() {
            open("/room");
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login?next=%2Froom");
            browser.findElement(By.name("username")).sendKeys(name);
            browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
            waitUntil("the room after signing in", page -> page.getCurrentUrl().equals(base + "/room"));
            assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Hello, " + name + "!");
        }

        /** Types a message and presses Enter; the page must clear the input and show the message. */
        void say(String text) {
            WebElement input = browser.findElement(By.cssSelector("#messageform input[name='body']"));
            input.sendKeys(text + Keys.ENTER);
            waitUntil("the message input to be cleared", page -> input.getDomProperty("value").isEmpty());
            sees(this, text);
        }

        /** Waits until the inbox holds the message as one element, sender and body as text, not as markup. */
        void sees(Chatter from, String body) {
            WebElement message = waitUntil(name + " to see " + from.name + "'s message '" + body + "'",
                    page -> page.findElements(By.cssSelector("#inbox .message")).stream()
                            .filter(element -> element.findElement(By.className("body")).getText().equals(body))
                            .findFirst().orElse(null));
            assertThat(message.findElement(By.className("from")).getText()).isEqualTo(from.name);
            assertThat(message.findElements(By.cssSelector(".body *"))).isEmpty();
        }

        void markPage() {
            ((JavascriptExecutor) browser).executeScript("window.chatTestMarker = 'same page';");
        }

        void assertPageNotReloaded() {
            assertThat(((JavascriptExecutor) browser).executeScript("return window.chatTestMarker;"))
                    .as(name + "'s page was reloaded").isEqualTo("same page");
        }

        private <T> T waitUntil(String what, Function<WebDriver, T> condition) {
            return new WebDriverWait(browser, PATIENCE).withMessage("waiting for " + what).until(condition);
        }
    }

    /** Waits until the server counts these waiters, sockets and messages. */
    private void awaitStats(ChatStats expected) {
        try {
            Await.until(() -> client.stats().equals(expected), PATIENCE);
        } catch (AssertionError e) {
            throw new AssertionError("expected " + expected + ", the server has " + client.stats(), e);
        }
    }

    private void saveScreenshot(WebDriver browser) throws IOException {
        Path target = Path.of(System.getProperty("demo.screenshot", "target/chat-room.png"));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
