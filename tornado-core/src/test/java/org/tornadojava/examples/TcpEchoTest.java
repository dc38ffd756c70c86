package org.tornadojava.examples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.PythonTornado;
import org.tornadojava.tcpclient.TcpClient;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tcpecho examples: the Java server and client together, the Java server against Python Tornado's
 * {@code TCPClient}, and the Java client against Python Tornado's {@code TCPServer} (those two are skipped when
 * {@code /usr/bin/python3} cannot import tornado).
 */
class TcpEchoTest {
    private static IOLoopGroup loops;
    private static TcpClient client;
    private static TcpEchoServer server;
    private static int port;

    @BeforeAll
    static void start() {
        loops = new IOLoopGroup(2, Transport.AUTO);
        client = new TcpClient(loops);
        server = new TcpEchoServer(loops);
        server.listen(0, "127.0.0.1");
        port = server.boundAddresses().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        client.close();
        loops.close();
    }

    @Test
    void theJavaClientGetsItsLineBackFromTheJavaServer() throws Exception {
        try (LogCapture logs = LogCapture.of(TcpEchoServer.class.getName())) {
            String reply = TcpEchoClient.sendMessage(client, "127.0.0.1", port, "ping").get(10, TimeUnit.SECONDS);

            assertThat(reply).isEqualTo("ping");
            logs.await(TcpEchoServer.class.getName(), "Lost client at host 127.0.0.1");
            assertThat(logs.messagesOf(TcpEchoServer.class.getName())).contains("Received bytes: ping");
        }
    }

    @Test
    void pythonTornadosClientIsAnsweredByTheJavaServer() throws Exception {
        Assumptions.assumeTrue(PythonTornado.available(), PythonTornado.PYTHON + " cannot import tornado");

        List<String> output = PythonTornado.run("/tcpecho/client.py", "--port", String.valueOf(port),
                "--message", "hello from python", "--message", "second line");

        assertThat(output).containsExactly("Response from server: hello from python",
                "Response from server: second line");
    }

    @Test
    void theJavaClientIsAnsweredByPythonTornadosServer() throws Exception {
        Assumptions.assumeTrue(PythonTornado.available(), PythonTornado.PYTHON + " cannot import tornado");

        try (PythonTornado.Server python = PythonTornado.startServer("/tcpecho/server.py")) {
            String reply = TcpEchoClient.sendMessage(client, "127.0.0.1", python.port(), "hello from java")
                    .get(10, TimeUnit.SECONDS);

            assertThat(reply).isEqualTo("hello from java");
        }
    }
}
