package org.tornadojava.demo.blog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tornadojava.spring.boot.test.LocalTornadoPort;
import org.tornadojava.support.RawResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tornadojava.demo.chat.ChatClient.cookie;

/**
 * The blog's routes over a real socket, in the demo's cached test context (its own H2 database, see
 * {@code src/test/resources/application.properties}): sign-in, compose and edit, pages, archive, feed, and what
 * untrusted titles and Markdown become on each.
 */
@SpringBootTest(properties = {"tornado.server.port=0", "tornado.server.address=127.0.0.1",
    "tornado.ioloop.threads=2", "tornado.executor.threads=4"})
class BlogRoutesTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String EMAIL = "ann@example.org";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SCRIPT_TITLE = "<script>alert(\"title\")</script> & Friends";

    @LocalTornadoPort
    private int port;

    private BlogClient client;
    private String author;

    @BeforeEach
    void signedInAuthor() throws Exception {
        client = new BlogClient(port);
        client.awaitDatabase();
        author = client.signIn(EMAIL, PASSWORD);
    }

    @Test
    void composeWithoutSigningInRedirectsToTheBlogLoginOrIsRefused() throws Exception {
        RawResponse page = client.get("/blog/compose?id=1", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/blog/auth/login?next=%2Fblog%2Fcompose%3Fid%3D1");
        assertThat(client.post("/blog/compose", null, "title", "t", "markdown", "m").status()).isEqualTo(403);
        String forged = BlogHandler.COOKIE + "=\"2|1:0|10:1700000000|13:blogdemo_user|4:MQ==|" + "0".repeat(64) + "\"";
        assertThat(client.get("/blog/compose", forged).status()).isEqualTo(302);
    }

    @Test
    void aScriptInTitleAndMarkdownIsShownAsTextOnTheEntryHomeAndArchive() throws Exception {
        String path = client.publish(author, SCRIPT_TITLE,
                "Hello <script>alert('body')</script> [click](javascript:alert('link'))\n\n"
                        + "<img src=x onerror=alert(1)>");
        String escapedTitle = "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; Friends";
        for (String page : List.of(path, "/blog/", "/blog/archive")) {
            String html = client.get(page, null).text();
            assertThat(html).as(page).contains(escapedTitle).doesNotContain("<script>alert");
        }
        String entry = client.get(path, null).text();
        assertThat(entry).contains("&lt;script&gt;alert('body')&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img", "javascript:");
    }

    @Test
    void publishingRendersTheMarkdownAndRedirectsToTheEntry() throws Exception {
        RawResponse published = client.post("/blog/compose", author, "title", "Markdown, rendered!",
                "markdown", "# Heading\n\nSome *emphasis* and `code`.");
        assertThat(published.status()).isEqualTo(302);
        String path = published.header("Location");
        assertThat(path).startsWith("/blog/entry/markdown-rendered");
        RawResponse entry = client.get(path, null);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(entry.text()).contains("<div class=\"entry\">",
                "<h1><a href=\"" + path + "\">Markdown, rendered!</a>",
                "<h1>Heading</h1>", "<em>emphasis</em>", "<code>code</code>");
    }

    @Test
    void theSameTitleTwiceGetsTwoEntries() throws Exception {
        String first = client.publish(author, "Twice", "one");
        String second = client.publish(author, "Twice", "two");
        assertThat(second).isNotEqualTo(first).startsWith(first + "-");
        assertThat(client.get(first, null).text()).contains("<p>one</p>");
        assertThat(client.get(second, null).text()).contains("<p>two</p>");
    }

    @Test
    void editingChangesTitleAndTextUnderTheSameSlug() throws Exception {
        String path = client.publish(author, "Before the edit", "old text");
        String form = client.get(path, author).text();
        String id = form.replaceAll("(?s).*href=\"/blog/compose\\?id=([0-9]+)\".*", "$1");
        assertThat(client.get("/blog/compose?id=" + id, author).text())
                .contains("value=\"Before the edit\"", ">old text</textarea>", "name=\"id\" value=\"" + id + "\"");
        RawResponse edited = client.post("/blog/compose", author, "id", id, "title", "After the edit",
                "markdown", "new text");
        assertThat(edited.status()).isEqualTo(302);
        assertThat(edited.header("Location")).isEqualTo(path);
        assertThat(client.get(path, null).text()).contains("After the edit", "<p>new text</p>")
                .doesNotContain("old text");
    }

    @Test
    void unknownSlugsAndIdsAre404AndABadIdIs400() throws Exception {
        assertThat(client.get("/blog/entry/no-such-entry", null).status()).isEqualTo(404);
        assertThat(client.get("/blog/compose?id=999999", author).status()).isEqualTo(404);
        assertThat(client.post("/blog/compose", author, "id", "999999", "title", "t", "markdown", "m").status())
                .isEqualTo(404);
        assertThat(client.get("/blog/compose?id=abc", author).status()).isEqualTo(400);
    }

    @Test
    void anEmptyOrTooLongTitleShowsTheFormAgainWith400() throws Exception {
        for (String title : List.of("", "   ", "\u0007", "x".repeat(513))) {
            RawResponse refused = client.post("/blog/compose", author, "title", title, "markdown", "kept text");
            assertThat(refused.status()).as(title).isEqualTo(400);
            assertThat(refused.text()).contains("class=\"error\"", ">kept text</textarea>");
        }
    }

    @Test
    void controlCharactersBecomeSpacesSoTheFeedStaysXmlAndMarkdownKeepsItsIndentation() throws Exception {
        String path = client.publish(author, "Bell\u0007Title", "    indented code\u0001\n");
        String entry = client.get(path, null).text();
        assertThat(entry).contains(">Bell Title</a>", "<pre><code>indented code \n</code></pre>");
        BlogClient.parseXml(client.get("/blog/feed", null).text());
    }

    @Test
    void theArchiveListsEveryEntryNewestFirst() throws Exception {
        String older = client.publish(author, "Archive older", "a");
        String newer = client.publish(author, "Archive newer", "b");
        String archive = client.get("/blog/archive", null).text();
        assertThat(archive).contains(older, newer);
        assertThat(archive.indexOf(newer)).isLessThan(archive.indexOf(older));
    }

    @Test
    void theFeedIsWellFormedAtomWithTitlesAndContentAsText() throws Exception {
        String path = client.publish(author, SCRIPT_TITLE, "Feed <script>alert(1)</script> *text* & more");
        RawResponse feed = client.get("/blog/feed", null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).isEqualTo("application/atom+xml; charset=UTF-8");
        Document atom = BlogClient.parseXml(feed.text());
        Element root = atom.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(text(root, "title")).isEqualTo("Tornado Blog");
        assertThat(text(root, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Element entry = entries(atom).stream().filter(e -> text(e, "id").endsWith(path)).findFirst().orElseThrow();
        assertThat(text(entry, "title")).isEqualTo(SCRIPT_TITLE);
        assertThat(text(entry, "published")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Element content = (Element) entry.getElementsByTagNameNS(ATOM, "content").item(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        assertThat(content.getTextContent())
                .isEqualTo("<p>Feed &lt;script&gt;alert(1)&lt;/script&gt; <em>text</em> &amp; more</p>\n");
    }

    @Test
    void signingInChecksThePasswordAndTheBlogHasOneAuthor() throws Exception {
        RawResponse wrong = client.post("/blog/auth/login", null, "email", EMAIL, "password", "wrong");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text()).contains("Wrong e-mail address or password.");
        assertThat(cookie(wrong, BlogHandler.COOKIE)).isNull();
        RawResponse unknown = client.post("/blog/auth/login", null, "email", "nobody@example.org", "password", "x");
        assertThat(unknown.status()).isEqualTo(403);

        RawResponse right = client.post("/blog/auth/login?next=%2Fblog%2Farchive", null, "email", EMAIL,
                "password", PASSWORD);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location")).isEqualTo("/blog/archive");
        assertThat(right.headers("Set-Cookie").get(0)).startsWith(BlogHandler.COOKIE + "=\"2|1:0|")
                .contains("; HttpOnly", "; SameSite=Lax");

        RawResponse second = client.post("/blog/auth/create", null, "name", "Bob", "email", "bob@example.org",
                "password", "secret");
        assertThat(second.status()).isEqualTo(400);
        assertThat(cookie(second, BlogHandler.COOKIE)).isNull();
        assertThat(client.get("/blog/auth/login", null).text()).contains("name=\"email\"", "name=\"password\"");
    }

    @Test
    void signingOutClearsTheCookieAndFollowsOnlyLocalPaths() throws Exception {
        RawResponse out = client.get("/blog/auth/logout?next=%2Fblog%2Farchive", author);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).isEqualTo("/blog/archive");
        assertThat(out.headers("Set-Cookie").get(0)).startsWith(BlogHandler.COOKIE + "=\"\";").contains("Max-Age=0");
        assertThat(client.get("/blog/auth/logout?next=%2F%2Fevil.example", author).header("Location"))
                .isEqualTo("/blog/");
    }

    @Test
    void pagesShowTheAccountLinksOfTheVisitor() throws Exception {
        client.publish(author, "Links", "text");
        assertThat(client.get("/blog/", null).text()).contains("href=\"/blog/auth/login?next=%2Fblog%2F\"")
                .doesNotContain("Edit this post");
        assertThat(client.get("/blog/", author).text()).contains("href=\"/blog/compose\"", "Edit this post",
                "href=\"/blog/auth/logout?next=%2Fblog%2F\"");
        assertThat(client.get("/blog", null).header("Location")).isEqualTo("/blog/");
    }

    private static List<Element> entries(Document atom) {
        NodeList nodes = atom.getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static String text(Element parent, String child) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && child.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no " + child + " in " + parent.getLocalName());
    }
}
