package bench.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Vert.x core baseline for bench/run.sh: {@code GET /plaintext} and {@code GET /json} as TechEmpower defines them,
 * answered by a raw {@code requestHandler} (no Vert.x Web router).
 *
 * <p>One verticle instance per CPU, each with its own {@link HttpServer} on the same port (Vert.x spreads the
 * connections over them); native epoll transport preferred; constant header names and values; the Date header
 * formatted once a second per verticle. The JSON body is serialized per request.
 *
 * <p>Usage: {@code java -jar vertx-server.jar [port]}; the port may also come from env {@code PORT} (default 8080).
 * Binds 127.0.0.1 unless env {@code BIND_ADDRESS} says otherwise. Instances: env {@code INSTANCES}, default the
 * number of CPUs. Env {@code H2C=true} accepts cleartext HTTP/2 (prior knowledge and upgrade) for scenario
 * h2c-plaintext; off by default, as the HTTP/1.1 scenarios measure it.
 */
public final class VertxServer extends VerticleBase {
    private static final System.Logger LOG = System.getLogger("bench.vertx");

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static final CharSequence SERVER_NAME = HttpHeaders.createOptimized("vertx");
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=UTF-8");
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final Buffer PLAINTEXT_BODY = Buffer.buffer("Hello, World!");
    private static final CharSequence PLAINTEXT_LENGTH =
            HttpHeaders.createOptimized(Integer.toString(PLAINTEXT_BODY.length()));

    private final String host;
    private final int port;
    private CharSequence date = formatDate();

    private VertxServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static void main(String[] args) {
        // Same switches TechEmpower's vertx entry uses; each one only removes work this benchmark does not need.
        System.setProperty("vertx.disableHttpHeadersValidation", "true");
        System.setProperty("vertx.disableMetrics", "true");
        System.setProperty("vertx.disableContextTimings", "true");
        System.setProperty("vertx.disableTCCL", "true");
        System.setProperty("vertx.threadChecks", "false");

        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(env("PORT", "8080"));
        String host = env("BIND_ADDRESS", "127.0.0.1");
        int instances = Integer.parseInt(env("INSTANCES", Integer.toString(Runtime.getRuntime().availableProcessors())));

        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setPreferNativeTransport(true)
                .setEventLoopPoolSize(instances));
        if (!vertx.isNativeTransportEnabled()) {
            LOG.log(System.Logger.Level.WARNING, "native transport unavailable, using NIO: "
                    + vertx.unavailableNativeTransportCause());
        }
        vertx.deployVerticle(() -> new VertxServer(host, port), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> LOG.log(System.Logger.Level.INFO, "vertx server started on " + host + ":" + port
                        + " (" + (vertx.isNativeTransportEnabled() ? "epoll" : "nio") + ", " + instances + " verticles)"))
                .onFailure(err -> {
                    LOG.log(System.Logger.Level.ERROR, "vertx server failed to start", err);
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "shutdown"));
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(1000, id -> date = formatDate());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setAcceptBacklog(1024)
                .setHttp2ClearTextEnabled(Boolean.parseBoolean(System.getenv("H2C")))
                .setCompressionSupported(false)
                .setStrictThreadMode(true);
        return vertx.createHttpServer(options).requestHandler(this::handle).listen();
    }

    private void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        if (request.method() != HttpMethod.GET) {
            response.setStatusCode(405);
            response.end();
            return;
        }
        switch (request.path()) {
            case "/plaintext" -> {
                headers.add(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
                        .add(HttpHeaders.CONTENT_LENGTH, PLAINTEXT_LENGTH)
                        .add(HttpHeaders.SERVER, SERVER_NAME)
                        .add(HttpHeaders.DATE, date);
                response.end(PLAINTEXT_BODY);
            }
            case "/json" -> {
                Buffer body = new JsonObject().put("message", "Hello, World!").toBuffer();
                headers.add(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
                        .add(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()))
                        .add(HttpHeaders.SERVER, SERVER_NAME)
                        .add(HttpHeaders.DATE, date);
                response.end(body);
            }
            default -> {
                headers.add(HttpHeaders.SERVER, SERVER_NAME).add(HttpHeaders.DATE, date);
                response.setStatusCode(404);
                response.end();
            }
        }
    }

    private static CharSequence formatDate() {
        return HttpHeaders.createOptimized(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
