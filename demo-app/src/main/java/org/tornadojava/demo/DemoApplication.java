package org.tornadojava.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.web.Application;
import org.tornadojava.web.ErrorFormat;
import org.tornadojava.web.RedirectHandler;
import org.tornadojava.web.UrlSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The demo server, wired through tornado-core directly: {@code java -jar demo-app.jar [--tornado.key=value ...]}.
 * Stops cleanly on SIGTERM.
 */
public final class DemoApplication {
    private static final Logger LOG = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    /**
     * Starts the demo server and returns; the IOLoop threads keep the JVM alive until SIGTERM.
     *
     * @param args {@code --tornado.key=value} settings
     */
    public static void main(String[] args) {
        DemoSettings settings = DemoSettings.parse(args, LOG);
        IOLoopGroup loops = new IOLoopGroup(settings.ioloopThreads(), settings.transport());
        BlockingExecutor executor = new BlockingExecutor(settings.executorThreads(), settings.executorQueue());
        Path downloads = settings.downloadDir() != null ? settings.downloadDir() : DownloadFolder.createDefault();
        HttpServer server = new HttpServer(application(settings.errorFormat(), settings.debug(), settings.accessLog(),
                executor, downloads), settings.serverOptions(), loops);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(10));
            executor.shutdown(Duration.ofSeconds(10));
            loops.shutdown(Duration.ofSeconds(10));
        }, "tornado-shutdown"));
        server.start();
    }

    /**
     * The demo's routes (CONTRACT.md "Demo-app routes"; the others arrive with the starter).
     *
     * @param errorFormat body format of error pages
     * @param debug stack traces in error pages
     * @param accessLog one log line per request
     * @param executor the pool for blocking work
     * @param downloads the folder {@code /download/(name)} serves
     * @return the application
     */
    public static Application application(ErrorFormat errorFormat, boolean debug, boolean accessLog,
                                          BlockingExecutor executor, Path downloads) {
        return Application.builder()
                .route("/", IndexHandler::new)
                .route("/plaintext", PlaintextHandler::new)
                .route("/json", JsonHandler::new)
                .route(UrlSpec.of("/story/([0-9]+)", StoryHandler::new).withName("story"))
                .route("/old-home", RedirectHandler::new, Map.of("url", "/"))
                .route("/error/([0-9]{3})", ErrorDemoHandler::new)
                .route("/blocking", BlockingHandler::new)
                .route("/download/(.+)", DownloadHandler::new, Map.of("dir", downloads))
                .executor(executor)
                .errorFormat(errorFormat)
                .debug(debug)
                .accessLog(accessLog)
                .build();
    }

    /** Server and application settings read from {@code --tornado.*} arguments. */
    record DemoSettings(HttpServerOptions serverOptions, int ioloopThreads, Transport transport,
                        ErrorFormat errorFormat, boolean debug, boolean accessLog, int executorThreads,
                        int executorQueue, Path downloadDir) {

        static DemoSettings parse(String[] args, Logger log) {
            HttpServerOptions options = new HttpServerOptions();
            int threads = 0;
            Transport transport = Transport.AUTO;
            ErrorFormat format = ErrorFormat.HTML;
            boolean debug = false;
            boolean accessLog = true;
            int executorThreads = BlockingExecutor.DEFAULT_THREADS;
            int executorQueue = BlockingExecutor.DEFAULT_QUEUE_CAPACITY;
            Path downloadDir = null;
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (!arg.startsWith("--") || equals < 0) {
                    throw new IllegalArgumentException("expected --key=value, got " + arg);
                }
                String key = arg.substring(2, equals);
                String value = arg.substring(equals + 1);
                switch (key) {
                    case "tornado.server.port": options.port(Integer.parseInt(value)); break;
                    case "tornado.server.address": options.address(value); break;
                    case "tornado.server.backlog": options.backlog(Integer.parseInt(value)); break;
                    case "tornado.server.no-keep-alive": options.noKeepAlive(Boolean.parseBoolean(value)); break;
                    case "tornado.ioloop.threads": threads = Integer.parseInt(value); break;
                    case "tornado.ioloop.transport": transport = Transport.parse(value); break;
                    case "tornado.errors.format": format = ErrorFormat.parse(value); break;
                    case "tornado.debug": debug = Boolean.parseBoolean(value); break;
                    case "tornado.access-log": accessLog = Boolean.parseBoolean(value); break;
                    case "tornado.executor.threads": executorThreads = Integer.parseInt(value); break;
                    case "tornado.executor.queue-capacity": executorQueue = Integer.parseInt(value); break;
                    case "tornado-demo.download-dir": downloadDir = Path.of(value); break;
                    default: log.warn("ignoring {}: not supported by this build of the demo", key);
                }
            }
            return new DemoSettings(options, threads, transport, format, debug, accessLog, executorThreads,
                    executorQueue, downloadDir);
        }
    }
}
