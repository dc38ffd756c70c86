package org.tornadojava.demo.chat;

import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/** Talks to the demo over HTTP like a browser would, with cookies handled by hand. Not thread-safe. */
public final class ChatClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    ChatClient(int port) {
        this.port = port;
    }

    /** Form-encodes name/value pairs. */
    public static byte[] form(String... pairs) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            body.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code name=value} part of the response's Set-Cookie for {@code name}, or null. */
    public static String cookie(RawResponse response, String name) {
        for (String header : response.headers("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(0, header.indexOf(';'));
            }
        }
        return null;
    }

    static JsonNode json(RawResponse response) {
        return JSON.readTree(response.text());
    }

    /** Signs in and returns the {@code user=...} cookie. */
    String login(String name) throws IOException {
        RawResponse response = post("/login", null, form("username", name));
        if (response.status() != 302) {
            throw new AssertionError("login answered " + response.status() + ": " + response.text());
        }
        return cookie(response, ChatUser.COOKIE);
    }

    RawResponse get(String path, String cookies) throws IOException {
        return RawHttpClient.send(port, "GET", path, cookieHeader(cookies), null);
    }

    RawResponse post(String path, String cookies, byte[] form) throws IOException {
        return RawHttpClient.send(port, "POST", path,
                "Content-Type: application/x-www-form-urlencoded\r\n" + cookieHeader(cookies), form);
    }

    /** Starts a long poll on another thread; completes with the answer. */
    CompletableFuture<RawResponse> pollUpdates(String cookies, String cursor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return post("/a/message/updates", cookies, form("cursor", cursor));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** GET /stats, parsed; usable in {@code Await.until} lambdas. */
    ChatStats stats() {
        try {
            JsonNode stats = json(get("/stats", null));
            return new ChatStats(stats.get("waiters").asInt(), stats.get("websockets").asInt(),
                    stats.get("messages").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a WebSocket with the JDK client, sending the cookies; messages go to the returned inbox. */
    SocketInbox openSocket(String path, String cookies) {
        SocketInbox inbox = new SocketInbox();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.header("Cookie", cookies);
        }
        inbox.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), inbox).join();
        return inbox;
    }

    private static String cookieHeader(String cookies) {
        return cookies == null ? "" : "Cookie: " + cookies + "\r\n";
    }
}
