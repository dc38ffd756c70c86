package org.tornadojava.demo.chat;

import org.tornadojava.testing.Await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An nginx of the test's own on 127.0.0.1 in front of the demo instances, configured as docs/deployment.md says:
 * WebSocket upgrade, long-poll read timeout, {@code X-Real-Ip} set to the client's address (never passed through
 * from the client), retry of idempotent requests on the next instance.
 */
final class NginxProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private NginxProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes the configuration into {@code folder} and starts nginx in the foreground.
     *
     * @param folder created if missing; configuration, logs and temporary files
     * @param instancePorts ports of the demo instances on 127.0.0.1
     * @return the running nginx
     */
    static NginxProcess start(Path folder, int... instancePorts) throws IOException {
        Path program = ExternalProgram.require("nginx", "nginx");
        Files.createDirectories(folder);
        int port = ExternalProgram.freePort();
        String servers = IntStream.of(instancePorts)
                .mapToObj(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=1s;")
                .collect(Collectors.joining("\n"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String config = """
                %s
                worker_processes 1;
                error_log %s/error.log warn;
                pid %s/nginx.pid;
                events { worker_connections 1024; }
                http {
                  access_log %s/access.log;
                  client_body_temp_path %s/client-body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;

                  upstream tornado {
                %s
                    keepalive 32;
                  }
                  map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      '';
                  }
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://tornado;
                      proxy_http_version 1.1;
                      proxy_set_header Host $host;
                      proxy_set_header X-Real-Ip $remote_addr;
                      proxy_set_header X-Scheme $scheme;
                      proxy_set_header Upgrade $http_upgrade;
                      proxy_set_header Connection $connection_upgrade;
                      proxy_read_timeout 120s;
                      proxy_buffering off;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(root ? "user root;" : "", folder, folder, folder, folder, folder, folder, folder,
                folder, servers, port);
        Path file = folder.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(program.toString(), "-p", folder.toString(), "-c", file.toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("nginx.out").toFile()))
                .start();
        Await.until(() -> listens(port) || !process.isAlive(), Duration.ofSeconds(20));
        if (!process.isAlive()) {
            throw new IllegalStateException("nginx did not start: " + Files.readString(folder.resolve("nginx.out")));
        }
        return new NginxProcess(process, port);
    }

    /** The port clients use. */
    int port() {
        return port;
    }

    @Override
    public void close() {
        ExternalProgram.stop(process);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
