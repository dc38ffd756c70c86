package org.tornadojava.demo.blog;

import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;

import static org.tornadojava.demo.chat.ChatClient.cookie;
import static org.tornadojava.demo.chat.ChatClient.form;

/** Talks to the blog over HTTP like a browser without scripts, the sign-in cookie handled by hand. Not thread-safe. */
final class BlogClient {
    private final int port;

    BlogClient(int port) {
        this.port = port;
    }

    RawResponse get(String path, String cookies) throws IOException {
        return RawHttpClient.send(port, "GET", path, cookieHeader(cookies), null);
    }

    RawResponse post(String path, String cookies, String... formPairs) throws IOException {
        return RawHttpClient.send(port, "POST", path,
                "Content-Type: application/x-www-form-urlencoded\r\n" + cookieHeader(cookies), form(formPairs));
    }

    /**
     * Waits until the blog answers: its first request migrates the database, which on a busy machine can take
     * longer than one read of {@link RawHttpClient} waits.
     */
    void awaitDatabase() {
        Await.until(() -> {
            try {
                return get("/blog/archive", null).status() == 200;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofMinutes(2));
    }

    /**
     * Signs in with the address and password, creating the blog's author first when the blog has none.
     *
     * @return the {@code blogdemo_user=...} cookie
     */
    String signIn(String email, String password) throws IOException {
        RawResponse login = post("/blog/auth/login", null, "email", email, "password", password);
        if (login.status() == 302) {
            return cookie(login, BlogHandler.COOKIE);
        }
        RawResponse created = post("/blog/auth/create", null, "name", "Ann Author", "email", email,
                "password", password);
        if (created.status() != 302) {
            throw new AssertionError("creating the author answered " + created.status() + ": " + created.text());
        }
        return cookie(created, BlogHandler.COOKIE);
    }

    /**
     * Publishes (or with {@code id} edits) an entry.
     *
     * @return its path, {@code /blog/entry/<slug>}
     */
    String publish(String cookies, String title, String markdown) throws IOException {
        RawResponse published = post("/blog/compose", cookies, "title", title, "markdown", markdown);
        if (published.status() != 302) {
            throw new AssertionError("compose answered " + published.status() + ": " + published.text());
        }
        return published.header("Location");
    }

    /** Parses XML with namespaces, failing on anything not well-formed. */
    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String cookieHeader(String cookies) {
        return cookies == null ? "" : "Cookie: " + cookies + "\r\n";
    }
}
