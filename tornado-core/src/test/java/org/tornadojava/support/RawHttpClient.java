package org.tornadojava.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately simple HTTP/1.x client over a plain socket, so tests decide every byte sent (bad requests,
 * pipelining, HTTP/1.0) and see every byte answered. One connection; not thread-safe.
 */
public final class RawHttpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpClient(int port) throws IOException {
        this("127.0.0.1", port);
    }

    /** Connects to a loopback address, e.g. {@code ::1}. */
    public RawHttpClient(String host, int port) throws IOException {
        this(new Socket(host, port));
    }

    /** Talks over a socket the caller connected (a TLS socket, say). */
    public RawHttpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** One request on a fresh connection: {@code GET path HTTP/1.1} with a Host header. */
    public static RawResponse get(int port, String path) throws IOException {
        try (RawHttpClient client = new RawHttpClient(port)) {
            return client.request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n", "GET");
        }
    }

    /** Any method with optional headers and body on a fresh connection. */
    public static RawResponse send(int port, String method, String path, String extraHeaders, byte[] body)
            throws IOException {
        try (RawHttpClient client = new RawHttpClient(port)) {
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (extraHeaders == null ? "" : extraHeaders)
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            client.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                client.write(body);
            }
            return client.read(method);
        }
    }

    /** Writes raw bytes. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes raw text (ISO-8859-1). */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes the text and reads one response. */
    public RawResponse request(String raw, String method) throws IOException {
        write(raw);
        return read(method);
    }

    /** Reads one response; {@code method} tells whether a body follows (none for HEAD). */
    public RawResponse read(String method) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        List<String[]> headers = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
        }
        int status = Integer.parseInt(parts[1]);
        RawResponse head = new RawResponse(parts[0], status, parts.length > 2 ? parts[2] : "", headers, new byte[0]);
        byte[] body;
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            body = readChunked();
        } else if (head.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(parts[0], status, head.reason(), headers, body);
    }

    /**
     * Reads one chunked 200 response without keeping its body: returns {@code "<length> <sha-256 hex>"}, so many
     * large downloads can be checked at once in a small heap.
     */
    public String readHashingBody() throws IOException {
        String statusLine = readLine();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 200")) {
            throw new IOException("expected a 200 response, got " + statusLine);
        }
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length")) {
                throw new IOException("expected a chunked response");
            }
        }
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long length = 0;
        while (true) {
            int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
            if (size == 0) {
                readLine();
                return length + " " + java.util.HexFormat.of().formatHex(digest.digest());
            }
            digest.update(in.readNBytes(size));
            length += size;
            readLine();
        }
    }

    /** Tells whether the server closed the connection (reads EOF within the socket timeout). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The underlying socket, e.g. to set SO_LINGER. */
    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
