package org.tornadojava.httpclient;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on plain blocking sockets whose answers a test writes byte for byte, so it can misbehave on
 * purpose (close instead of answering, send garbage) and count exactly how many connections it accepted. One
 * daemon thread per connection; bound to 127.0.0.1.
 */
final class ScriptedServer implements AutoCloseable {
    /** 127.0.0.1, the only address tests bind. */
    static final InetAddress LOCALHOST = localhost();

    /** Decides what to do with one request. */
    interface Script {
        /**
         * Answers a request by writing to {@code out} (or not).
         *
         * @param request what arrived
         * @param out the connection's output
         * @return true to read the next request on this connection, false to close it
         */
        boolean answer(Request request, OutputStream out) throws IOException;
    }

    /**
     * One request as read off the wire.
     *
     * @param connection index of the connection it came on, from 0 in accept order
     * @param line the request line
     * @param headers first value per lower-case header name
     * @param body the body (by Content-Length)
     */
    record Request(int connection, String line, Map<String, String> headers, byte[] body) {
    }

    private final ServerSocket listener;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, LOCALHOST);
        Thread acceptor = new Thread(this::acceptLoop, "scripted-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static InetAddress localhost() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(script);
    }

    /** A script answering every request with the same raw response and keeping the connection. */
    static Script always(String rawResponse) {
        return (request, out) -> {
            out.write(rawResponse.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        };
    }

    int port() {
        return listener.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int acceptedConnections() {
        return accepted.get();
    }

    /** Connections whose conversation is over (the client closed, or the script ended it). */
    int endedConnections() {
        return ended.get();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int index = accepted.getAndIncrement();
                sockets.add(socket);
                Thread worker = new Thread(() -> serve(socket, index), "scripted-server-" + index);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int index) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in, index);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!script.answer(request, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to serve
        } finally {
            ended.incrementAndGet();
        }
    }

    private static Request read(InputStream in, int index) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        String header;
        while ((header = readLine(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            headers.putIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(index, line, headers, in.readNBytes(length));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
