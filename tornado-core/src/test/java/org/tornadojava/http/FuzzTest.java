package org.tornadojava.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws thousands of random and mutated requests at the server, then checks that it still answers, logged no
 * error and no stack trace (a client mistake is one line), and leaked nothing (the leak check runs after the
 * class). Seeded, so a failure repeats.
 */
class FuzzTest {
    private static final int REQUESTS = 3000;
    private static final String[] SEEDS = {
        "GET /echo?a=1&b=%C3%A9 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 7\r\n\r\na=1&b=2",
        "PUT /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: 78\r\n\r\n"
                + "--zz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nxyz\r\n--zz--\r\n",
        "GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /echo HTTP/1.1\r\nHost: y\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        "HEAD /echo/%FF HTTP/1.1\r\nHost: [::1]:80\r\nX-Forwarded-For: 1.2.3.4, ::1\r\n\r\n",
    };

    static final class Echo extends RequestHandler {
        public void get(String... args) {
            write(Java.summary(this));
        }

        public void post(String... args) {
            write(Java.summary(this));
        }

        public void put(String... args) {
            write(Java.summary(this));
        }
    }

    /** Touches every parsed part of the request, so parsing bugs surface. */
    static final class Java {
        static String summary(RequestHandler handler) {
            return handler.request().method() + " " + handler.getArguments("a") + " " + handler.getFiles("f").size()
                    + " " + handler.request().body().length + " " + handler.pathArgs();
        }
    }

    @Test
    void thousandsOfRandomAndMutatedRequestsLeaveTheServerHealthy() throws Exception {
        Application app = Application.builder().route("/echo(/.*)?", Echo::new).accessLog(false).build();
        HttpServerOptions options = new HttpServerOptions().maxBodySize(64 * 1024).maxHeaderSize(8 * 1024)
                .headerTimeout(Duration.ofSeconds(2)).bodyTimeout(Duration.ofSeconds(2)).decompressRequest(true)
                .compressResponse(true).xheaders(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (TestServer server = TestServer.start(app, options);
             LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = mutate(new Random(i));
                sent.add(clients.submit(() -> {
                    fire(server.port(), request);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertThat(server.get("/echo?a=ok").text()).isEqualTo("GET [ok] 0 0 [null]");
            List<String> loud = logs.events().stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null
                            && e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(loud).isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    /** A seed with byte flips, insertions, deletions, duplication or truncation; or pure noise. */
    static byte[] mutate(Random random) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            return noise;
        }
        StringBuilder text = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
        int mutations = 1 + random.nextInt(6);
        String alphabet = "\r\n :;,/%?=&\t\0\u00ff-_0123456789abcdefABCDEFGHIJ()<>@\"'[]{}";
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0: text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); break;
                case 1: text.insert(at, alphabet.charAt(random.nextInt(alphabet.length()))); break;
                case 2: text.deleteCharAt(at); break;
                case 3: text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40)))); break;
                default: text.setLength(at);
            }
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the bytes, half-closes, and reads whatever comes back until the server closes. */
    private static void fire(int port, byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                socket.shutdownOutput();
            } catch (SocketException e) {
                return;
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                while (in.read(buffer) >= 0) {
                    // drain until the server closes
                }
            } catch (SocketException e) {
                // the server reset the connection: acceptable for garbage
            }
        }
    }
}
