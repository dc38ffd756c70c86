package org.tornadojava.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.spring.boot.test.TornadoTestClient;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import org.tornadojava.web.Application;
import org.tornadojava.web.ErrorFormat;
import org.tornadojava.web.EtagPolicy;
import org.tornadojava.web.RequestHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TornadoPropertiesTests {
    private final ApplicationContextRunner runner = TestContexts.runner()
            .withBean(HelloHandler.class);

    @Test
    void defaultsEqualTheCoreDefaults() {
        TornadoProperties properties = new TornadoProperties();
        HttpServerOptions core = new HttpServerOptions();
        HttpServerOptions mapped = new TornadoPropertiesMapper(properties).serverOptions();
        assertThat(mapped.port()).isEqualTo(core.port()).isEqualTo(8888);
        assertThat(mapped.address()).isEqualTo(core.address()).isEqualTo("0.0.0.0");
        assertThat(mapped.backlog()).isEqualTo(core.backlog()).isEqualTo(1024);
        assertThat(mapped.noKeepAlive()).isEqualTo(core.noKeepAlive()).isFalse();
        assertThat(mapped.maxHeaderSize()).isEqualTo(core.maxHeaderSize())
                .isEqualTo(HttpServerOptions.DEFAULT_MAX_HEADER_SIZE);
        assertThat(mapped.maxBodySize()).isEqualTo(core.maxBodySize())
                .isEqualTo(HttpServerOptions.DEFAULT_MAX_BODY_SIZE);
        assertThat(mapped.maxInMemoryBody()).isEqualTo(core.maxInMemoryBody()).isEqualTo(1024 * 1024);
        assertThat(properties.getServer().getShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mapped.reusePort()).isEqualTo(core.reusePort()).isFalse();
        assertThat(mapped.xheaders()).isEqualTo(core.xheaders()).isFalse();
        assertThat(mapped.trustedProxies()).hasToString(core.trustedProxies().toString())
                .hasToString("127.0.0.0/8, ::1");
        assertThat(mapped.idleConnectionTimeout()).isEqualTo(core.idleConnectionTimeout()).hasSeconds(3600);
        assertThat(mapped.headerTimeout()).isEqualTo(core.headerTimeout()).hasSeconds(30);
        assertThat(mapped.bodyTimeout()).isEqualTo(core.bodyTimeout()).hasSeconds(60);
        assertThat(mapped.writeTimeout()).isEqualTo(core.writeTimeout()).hasSeconds(60);
        assertThat(mapped.decompressRequest()).isEqualTo(core.decompressRequest()).isFalse();
        assertThat(mapped.compressResponse()).isEqualTo(core.compressResponse()).isFalse();
        assertThat(mapped.sslEnabled()).isEqualTo(core.sslEnabled()).isFalse();
        assertThat(mapped.http2().enabled()).isEqualTo(core.http2().enabled()).isTrue();
        assertThat(mapped.http2().cleartext()).isEqualTo(core.http2().cleartext()).isTrue();
        assertThat(mapped.http2().maxConcurrentStreams()).isEqualTo(core.http2().maxConcurrentStreams())
                .isEqualTo(100);
        assertThat(mapped.http2().initialWindowSize()).isEqualTo(core.http2().initialWindowSize())
                .isEqualTo(64 * 1024);
        assertThat(mapped.http2().maxHeaderListSize()).isEqualTo(core.http2().maxHeaderListSize()).isZero();
        assertThat(properties.getIoloop().getThreads()).isZero();
        assertThat(properties.getIoloop().getTransport()).isEqualTo(Transport.AUTO);
        assertThat(properties.getExecutor().getThreads()).isEqualTo(BlockingExecutor.DEFAULT_THREADS);
        assertThat(properties.getExecutor().getQueueCapacity()).isEqualTo(BlockingExecutor.DEFAULT_QUEUE_CAPACITY);

        Application coreApplication = Application.builder().build();
        try {
            Application.Builder builder = Application.builder();
            new TornadoPropertiesMapper(properties).configure(builder);
            Application mappedApplication = builder.build();
            assertThat(mappedApplication.errorFormat()).isEqualTo(coreApplication.errorFormat())
                    .isEqualTo(ErrorFormat.HTML);
            assertThat(mappedApplication.debug()).isEqualTo(coreApplication.debug()).isFalse();
            assertThat(mappedApplication.accessLog()).isEqualTo(coreApplication.accessLog()).isTrue();
            assertThat(mappedApplication.websocketMaxMessageSize())
                    .isEqualTo(coreApplication.websocketMaxMessageSize()).isEqualTo(10 * 1024 * 1024);
            assertThat(mappedApplication.websocketPingInterval())
                    .isEqualTo(coreApplication.websocketPingInterval()).isZero();
            assertThat(mappedApplication.websocketCompression())
                    .isEqualTo(coreApplication.websocketCompression()).isFalse();
            assertThat(mappedApplication.etagPolicy()).isEqualTo(coreApplication.etagPolicy())
                    .isEqualTo(EtagPolicy.CONTENT_HASH);
            assertThat(mappedApplication.signedCookieMaxAge()).isEqualTo(coreApplication.signedCookieMaxAge())
                    .isEqualTo(Duration.ofDays(31));
            assertThat(mappedApplication.xsrfCookies()).isEqualTo(coreApplication.xsrfCookies()).isFalse();
            assertThat(mappedApplication.loginUrl()).isEqualTo(coreApplication.loginUrl()).isEqualTo("/login");
            assertThat(mappedApplication.ipWhitelist().isEmpty()).isEqualTo(coreApplication.ipWhitelist().isEmpty())
                    .isTrue();
            assertThat(mappedApplication.staticPath()).isEqualTo(coreApplication.staticPath()).isNull();
            assertThat(mappedApplication.staticUrlPrefix()).isEqualTo(coreApplication.staticUrlPrefix())
                    .isEqualTo("/static/");
            mappedApplication.serverStopped();
        } finally {
            coreApplication.serverStopped();
        }
        assertThat(properties.isEnabled()).isTrue();
    }

    @Test
    void everyPropertyBindsFromItsTextForm() {
        runner.withPropertyValues("tornado.debug=true", "tornado.access-log=false", "tornado.server.backlog=50",
                        "tornado.server.no-keep-alive=true", "tornado.server.max-header-size=16KB",
                        "tornado.server.max-body-size=2MB", "tornado.server.shutdown-timeout=1500ms",
                        "tornado.server.max-in-memory-body=256KB",
                        "tornado.ioloop.threads=3", "tornado.ioloop.transport=nio", "tornado.executor.threads=2",
                        "tornado.executor.queue-capacity=7", "tornado.errors.format=json",
                        "tornado.server.xheaders=true", "tornado.server.trusted-proxies=10.0.0.0/8,fd00::/8",
                        "tornado.server.idle-connection-timeout=2m", "tornado.server.header-timeout=5s",
                        "tornado.server.body-timeout=7s", "tornado.server.write-timeout=9s",
                        "tornado.server.decompress-request=true",
                        "tornado.server.compress-response=true", "tornado.websocket.max-message-size=64KB",
                        "tornado.websocket.ping-interval=15s", "tornado.websocket.compression=true",
                        "tornado.etag.policy=weak", "tornado.security.cookie-secret=s3cret",
                        "tornado.security.signed-cookie-max-age=7d", "tornado.security.xsrf-cookies=true",
                        "tornado.security.login-url=/signin", "tornado.security.ip-whitelist=127.0.0.1/32,::1/128",
                        "tornado.static.url-prefix=/assets/")
                .run((context) -> {
                    TornadoProperties properties = context.getBean(TornadoProperties.class);
                    assertThat(properties.isDebug()).isTrue();
                    assertThat(properties.isAccessLog()).isFalse();
                    TornadoProperties.Server server = properties.getServer();
                    assertThat(server.getPort()).isZero();
                    assertThat(server.getAddress()).isEqualTo("127.0.0.1");
                    assertThat(server.getBacklog()).isEqualTo(50);
                    assertThat(server.isNoKeepAlive()).isTrue();
                    assertThat(server.getMaxHeaderSize()).isEqualTo(DataSize.ofKilobytes(16));
                    assertThat(server.getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(server.getShutdownTimeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(properties.getIoloop().getThreads()).isEqualTo(3);
                    assertThat(properties.getIoloop().getTransport()).isEqualTo(Transport.NIO);
                    assertThat(properties.getExecutor().getThreads()).isEqualTo(2);
                    assertThat(properties.getExecutor().getQueueCapacity()).isEqualTo(7);
                    assertThat(properties.getErrors().getFormat()).isEqualTo(ErrorFormat.JSON);

                    HttpServerOptions options = new TornadoPropertiesMapper(properties).serverOptions();
                    assertThat(options.backlog()).isEqualTo(50);
                    assertThat(options.noKeepAlive()).isTrue();
                    assertThat(options.maxHeaderSize()).isEqualTo(16 * 1024);
                    assertThat(options.maxBodySize()).isEqualTo(2 * 1024 * 1024);
                    assertThat(options.maxInMemoryBody()).isEqualTo(256 * 1024);
                    assertThat(options.xheaders()).isTrue();
                    assertThat(options.trustedProxies()).hasToString("10.0.0.0/8, fd00::/8");
                    assertThat(options.idleConnectionTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(options.headerTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.bodyTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(options.writeTimeout()).isEqualTo(Duration.ofSeconds(9));
                    assertThat(options.decompressRequest()).isTrue();
                    assertThat(options.compressResponse()).isTrue();

                    Application application = context.getBean(Application.class);
                    assertThat(application.debug()).isTrue();
                    assertThat(application.accessLog()).isFalse();
                    assertThat(application.errorFormat()).isEqualTo(ErrorFormat.JSON);
                    assertThat(application.websocketMaxMessageSize()).isEqualTo(64 * 1024);
                    assertThat(application.websocketPingInterval()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(application.websocketCompression()).isTrue();
                    assertThat(application.etagPolicy()).isEqualTo(EtagPolicy.WEAK);
                    assertThat(application.signedValues()).isNotNull();
                    assertThat(application.signedCookieMaxAge()).isEqualTo(Duration.ofDays(7));
                    assertThat(application.xsrfCookies()).isTrue();
                    assertThat(application.loginUrl()).isEqualTo("/signin");
                    assertThat(application.ipWhitelist()).hasToString("127.0.0.1/32, ::1/128");
                    assertThat(application.staticUrlPrefix()).isEqualTo("/assets/");
                    IOLoopGroup loops = context.getBean(IOLoopGroup.class);
                    assertThat(loops.loops()).hasSize(3);
                    assertThat(loops.transport()).isEqualTo(Transport.NIO);
                });
    }

    @Test
    void http2KeysMapToTheServerOptions() {
        runner.withPropertyValues("tornado.server.http2.enabled=false", "tornado.server.http2.cleartext=false",
                        "tornado.server.http2.max-concurrent-streams=7", "tornado.server.http2.initial-window-size=1MB",
                        "tornado.server.http2.max-header-list-size=8KB")
                .run((context) -> {
                    HttpServerOptions options = new TornadoPropertiesMapper(context.getBean(TornadoProperties.class))
                            .serverOptions();
                    assertThat(options.http2().enabled()).isFalse();
                    assertThat(options.http2().cleartext()).isFalse();
                    assertThat(options.http2().maxConcurrentStreams()).isEqualTo(7);
                    assertThat(options.http2().initialWindowSize()).isEqualTo(1024 * 1024);
                    assertThat(options.http2().maxHeaderListSize()).isEqualTo(8 * 1024);
                });
    }

    @Test
    void sslAndReusePortMapToTheServerOptions(@TempDir Path dir) throws Exception {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "certificate");
        Path key = Files.writeString(dir.resolve("key.pem"), "key");
        TornadoProperties properties = new TornadoProperties();
        properties.getServer().setReusePort(true);
        properties.getServer().getSsl().setEnabled(true);
        properties.getServer().getSsl().setCertificate(certificate);
        properties.getServer().getSsl().setPrivateKey(key);
        HttpServerOptions options = new TornadoPropertiesMapper(properties).serverOptions();
        assertThat(options.reusePort()).isTrue();
        assertThat(options.sslEnabled()).isTrue();
        assertThat(options.sslCertificate()).isEqualTo(certificate);
        assertThat(options.sslPrivateKey()).isEqualTo(key);
        properties.getServer().getSsl().setEnabled(false);
        assertThat(new TornadoPropertiesMapper(properties).serverOptions().sslEnabled()).isFalse();
    }

    @Test
    void trustedXHeadersReachTheHandler() {
        runner.withBean(RemoteIpHandler.class).withPropertyValues("tornado.server.xheaders=true").run((context) -> {
            int port = context.getBean(org.tornadojava.http.HttpServer.class).port();
            RawResponse response = RawHttpClient.send(port, "GET", "/ip", "X-Real-Ip: 203.0.113.7\r\n", null);
            assertThat(response.text()).isEqualTo("203.0.113.7");
        });
        runner.withBean(RemoteIpHandler.class).run((context) -> {
            int port = context.getBean(org.tornadojava.http.HttpServer.class).port();
            RawResponse response = RawHttpClient.send(port, "GET", "/ip", "X-Real-Ip: 203.0.113.7\r\n", null);
            assertThat(response.text()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void theIpWhitelistRefusesOtherAddresses() {
        runner.withPropertyValues("tornado.security.ip-whitelist=10.0.0.0/8").run((context) -> {
            int port = context.getBean(org.tornadojava.http.HttpServer.class).port();
            assertThat(RawHttpClient.get(port, "/hello").status()).isEqualTo(403);
        });
        runner.withPropertyValues("tornado.security.ip-whitelist=127.0.0.0/8").run((context) -> {
            int port = context.getBean(org.tornadojava.http.HttpServer.class).port();
            assertThat(RawHttpClient.get(port, "/hello").text()).isEqualTo("hello");
        });
    }

    @Test
    void theStaticFolderIsServedUnderItsPrefix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.css"), "body {}");
        runner.withPropertyValues("tornado.static.path=" + dir, "tornado.static.url-prefix=/assets/").run((context) -> {
            int port = context.getBean(org.tornadojava.http.HttpServer.class).port();
            assertThat(RawHttpClient.get(port, "/assets/app.css").text()).isEqualTo("body {}");
            assertThat(context.getBean(Application.class).staticPath()).isEqualTo(dir);
        });
    }

    @Test
    void theServerHeaderIsConfigurableAndEmptySendsNone() {
        runner.withPropertyValues("tornado.server.server-header=Acme/1").run((context) -> assertThat(
                TornadoTestClient.of(context.getBean(HttpServer.class)).get("/hello").headers().firstValue("Server"))
                .contains("Acme/1"));
        runner.withPropertyValues("tornado.server.server-header=").run((context) -> assertThat(
                TornadoTestClient.of(context.getBean(HttpServer.class)).get("/hello").headers().firstValue("Server"))
                .isEmpty());
    }

    @Test
    void ioUringIsSpelledWithADash() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TornadoAutoConfiguration.class))
                .withPropertyValues("tornado.ioloop.transport=io-uring")
                .run((context) -> assertThat(context.getBean(TornadoProperties.class).getIoloop().getTransport())
                        .isEqualTo(Transport.IO_URING));
    }

    @Test
    void executorSizeAndQueueCapacityShapeThePool() {
        runner.withPropertyValues("tornado.executor.threads=1", "tornado.executor.queue-capacity=1").run((context) -> {
            BlockingExecutor executor = context.getBean(BlockingExecutor.class);
            IOLoopGroup loops = context.getBean(IOLoopGroup.class);
            CompletableFuture<Void> release = new CompletableFuture<>();
            List<CompletableFuture<Object>> accepted = new ArrayList<>();
            accepted.add(executor.submit(release::join, loops.next()));
            Await.until(() -> executor.active() == 1);
            accepted.add(executor.submit(release::join, loops.next()));
            assertThatExceptionOfType(RejectedExecutionException.class)
                    .isThrownBy(() -> executor.submit(release::join, loops.next()));
            release.complete(null);
            CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0])).join();
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "tornado.server.port|70000|70000",
        "tornado.server.port|-1|-1",
        "tornado.server.backlog|0|0",
        "tornado.server.max-header-size|-1KB|-1024B",
        "tornado.server.max-header-size|3GB|3221225472B",
        "tornado.server.max-body-size|-5MB|-5242880B",
        "tornado.server.shutdown-timeout|-1s|PT-1S",
        "tornado.ioloop.threads|-1|-1",
        "tornado.ioloop.transport|carrier-pigeon|carrier-pigeon",
        "tornado.executor.threads|0|0",
        "tornado.executor.queue-capacity|0|0",
        "tornado.errors.format|xml|xml",
        "tornado.access-log|maybe|maybe",
        "tornado.server.trusted-proxies|10.0.0.0/33|10.0.0.0/33",
        "tornado.server.header-timeout|0s|PT0S",
        "tornado.server.idle-connection-timeout|-5s|PT-5S",
        "tornado.server.body-timeout|0s|PT0S",
        "tornado.server.write-timeout|0s|PT0S",
        "tornado.server.ssl.enabled|true|null",
        "tornado.websocket.max-message-size|0B|0B",
        "tornado.websocket.ping-interval|-1s|PT-1S",
        "tornado.etag.policy|strongest|strongest",
        "tornado.security.ip-whitelist|300.1.1.1/8|300.1.1.1/8",
        "tornado.security.signed-cookie-max-age|-1d|PT-24H",
        "tornado.static.path|/no/such/folder|/no/such/folder",
        "tornado.static.url-prefix|assets|assets",
        "tornado.ioloop.blocked-threshold|-1s|PT-1S",
        "tornado.server.http2.max-concurrent-streams|0|0",
        "tornado.server.http2.initial-window-size|0B|0B",
    })
    void invalidValuesFailStartUpNamingTheKeyAndTheValue(String key, String value, String shownAs) {
        runner.withPropertyValues(key + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(key).contains(shownAs);
        });
    }

    @Handler("/ip")
    static class RemoteIpHandler extends RequestHandler {
        public void get() {
            write(request().remoteIp());
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
