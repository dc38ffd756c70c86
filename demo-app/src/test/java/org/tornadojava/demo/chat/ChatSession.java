package org.tornadojava.demo.chat;

import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.tornadojava.demo.chat.ChatClient.cookie;
import static org.tornadojava.demo.chat.ChatClient.form;

/**
 * A signed-in chat user with XSRF cookies on, talking to any instance: the cookies and the form token it got from
 * one instance are sent to whichever port a call names, as a browser behind a load balancer would.
 */
final class ChatSession {
    private static final Pattern XSRF_FIELD = Pattern.compile("name=\"_xsrf\" value=\"([^\"]+)\"");
    private final String cookies;
    private final String token;

    private ChatSession(String cookies, String token) {
        this.cookies = cookies;
        this.token = token;
    }

    /**
     * Opens the login page and signs in on the instance behind {@code port}.
     *
     * @param port an instance or nginx
     * @param name the user name
     * @return the session
     */
    static ChatSession signIn(int port, String name) throws IOException {
        RawResponse page = RawHttpClient.send(port, "GET", "/login", "", null);
        String xsrf = cookie(page, "_xsrf");
        Matcher field = XSRF_FIELD.matcher(page.text());
        if (xsrf == null || !field.find()) {
            throw new AssertionError("no XSRF cookie or field on the login page: " + page);
        }
        String token = field.group(1);
        RawResponse login = send(port, "/login", xsrf, form("username", name, "_xsrf", token));
        if (login.status() != 302) {
            throw new AssertionError("login answered " + login);
        }
        return new ChatSession(xsrf + "; " + cookie(login, ChatUser.COOKIE), token);
    }

    /** The Cookie header value (XSRF and signed user cookie). */
    String cookies() {
        return cookies;
    }

    /** GET with the session's cookies. */
    RawResponse get(int port, String path) throws IOException {
        return RawHttpClient.send(port, "GET", path, "Cookie: " + cookies + "\r\n", null);
    }

    /** POST /a/message/new with the XSRF token. */
    RawResponse say(int port, String body) throws IOException {
        return send(port, "/a/message/new", cookies, form("body", body, "_xsrf", token));
    }

    /** POST /a/message/updates on another thread; completes with the answer. */
    CompletableFuture<RawResponse> poll(int port, String cursor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(port, "/a/message/updates", cookies, form("cursor", cursor, "_xsrf", token));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static RawResponse send(int port, String path, String cookies, byte[] form) throws IOException {
        return RawHttpClient.send(port, "POST", path,
                "Content-Type: application/x-www-form-urlencoded\r\nCookie: " + cookies + "\r\n", form);
    }
}
