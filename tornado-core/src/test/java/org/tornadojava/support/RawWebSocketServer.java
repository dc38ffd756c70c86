package org.tornadojava.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A one-connection WebSocket server speaking raw bytes, to test a client against frames our server never sends
 * (fragments, invalid frames, missing pongs). It accepts one client on 127.0.0.1, answers its handshake with 101,
 * then runs the script on a plain thread. The script's result (or failure) completes {@link #result()}.
 */
public final class RawWebSocketServer implements AutoCloseable {
    /** What the server does once the handshake is done. */
    @FunctionalInterface
    public interface Script {
        /** Runs the conversation; returns what the test asserts on. */
        Object run(Peer peer) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Object> result = new CompletableFuture<>();

    private RawWebSocketServer(Script script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(30_000);
                Peer peer = new Peer(socket.getInputStream(), socket.getOutputStream());
                peer.answerHandshake();
                result.complete(script.run(peer));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "raw-websocket-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts listening on a free port. */
    public static RawWebSocketServer start(Script script) throws IOException {
        return new RawWebSocketServer(script);
    }

    /** The ws:// URL of the server. */
    public String url() {
        return "ws://127.0.0.1:" + listener.getLocalPort() + "/raw";
    }

    /** Completes with the script's result once the conversation is over. */
    public CompletableFuture<Object> result() {
        return result;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** The server's end of the one connection. */
    public static final class Peer {
        private final DataInputStream in;
        private final OutputStream out;

        Peer(InputStream in, OutputStream out) {
            this.in = new DataInputStream(in);
            this.out = out;
        }

        private void answerHandshake() throws Exception {
            String key = null;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("client closed during the handshake");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        /** Sends an unmasked frame: {@code firstByte} holds FIN, the RSV bits and the opcode. */
        public void send(int firstByte, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(firstByte);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else if (payload.length < 65536) {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xff);
            } else {
                frame.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift) & 0xff);
                }
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }

        /** Reads one (masked) frame from the client. */
        public RawWebSocket.Frame read() throws IOException {
            return RawWebSocket.Frame.read(in);
        }

        /** Reads frames until a close frame and returns its code (-1 when it has none). */
        public int readCloseCode() throws IOException {
            RawWebSocket.Frame frame = read();
            while (frame.opcode() != RawWebSocket.CLOSE) {
                frame = read();
            }
            return frame.payload().length < 2 ? -1 : frame.closeCode();
        }
    }
}
