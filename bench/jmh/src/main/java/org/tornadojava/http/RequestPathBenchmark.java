package org.tornadojava.http;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tornadojava.bench.OneRequest;
import org.tornadojava.ioloop.EmbeddedLoops;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.util.Map;

/**
 * One keep-alive request through tornado-java's whole server path, without the socket: the request bytes go into an
 * {@code EmbeddedChannel} carrying the server's pipeline (timeouts, encoder, decoder, connection) and an
 * {@link Application} with the demo's {@code /plaintext} and {@code /json} handlers; the encoded response comes out.
 * This is the CPU a request costs in Java code (parsing, routing, the handler, ETag, headers, encoding), which is
 * what {@code bench/cpu-per-request.sh} measures plus the kernel's share, but free of machine noise.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class RequestPathBenchmark {
    /** The demo's {@code PlaintextHandler}. */
    public static final class Plaintext extends RequestHandler {
        public void get() {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write("Hello, World!");
        }
    }

    /** The demo's {@code JsonHandler}. */
    public static final class Json extends RequestHandler {
        public void get() {
            write(Map.of("message", "Hello, World!"));
            setHeader("Content-Type", "application/json");
        }
    }

    @Param({"/plaintext", "/json"})
    public String path;

    private OneRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        Application application = Application.builder()
                .route("/plaintext", Plaintext::new)
                .route("/json", Json::new)
                .accessLog(false)
                .build();
        HttpServerOptions options = new HttpServerOptions();
        RequestTimeouts timeouts = new RequestTimeouts(options.idleConnectionTimeout(), options.headerTimeout(),
                options.bodyTimeout());
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(options.maxHeaderSize())
                .setMaxHeaderSize(options.maxHeaderSize())
                .setMaxChunkSize(64 * 1024);
        channel.pipeline().addLast("timeouts", timeouts);
        channel.pipeline().addLast("encoder", new ServerResponseEncoder());
        channel.pipeline().addLast("decoder", new HttpRequestDecoder(decoderConfig));
        channel.pipeline().addLast("tornado", new HttpServerConnection(application, options,
                EmbeddedLoops.of(channel.eventLoop()), "http", timeouts, new InFlightRequests()));
        channel.runPendingTasks();
        request = new OneRequest(channel, path);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        request.close();
    }

    @Benchmark
    public int serve() {
        return request.serve();
    }
}
