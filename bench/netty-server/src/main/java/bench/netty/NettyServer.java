package bench.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw Netty baseline for bench/run.sh: {@code GET /plaintext} and {@code GET /json} as TechEmpower defines them.
 *
 * <p>Tuned the way TechEmpower's netty entry is: epoll transport, constant {@link AsciiString} header names and
 * values, the Date header formatted once a second, header validation off, one handler after the codec, writes with
 * {@code voidPromise()} and one flush per read batch ({@code channelReadComplete}), pooled buffers, backlog 1024.
 * The JSON body is serialized per request (as TechEmpower requires) with Jackson.
 *
 * <p>Usage: {@code java -jar netty-server.jar [port]}; the port may also come from env {@code PORT} (default 8080).
 * Binds 127.0.0.1 unless env {@code BIND_ADDRESS} says otherwise. IO threads: env {@code IO_THREADS}, default the
 * number of CPUs (the same default as tornado-java's {@code tornado.ioloop.threads}).
 */
public final class NettyServer {
    private static final System.Logger LOG = System.getLogger("bench.netty");

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static final HttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final HttpHeadersFactory TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private static final AsciiString SERVER_NAME = AsciiString.cached("netty");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");

    private static final byte[] PLAINTEXT_BYTES = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final AsciiString PLAINTEXT_LENGTH = AsciiString.cached(Integer.toString(PLAINTEXT_BYTES.length));
    /** One read-only direct buffer shared by every response; each response sends a duplicate of it. */
    @SuppressWarnings("deprecation")
    private static final ByteBuf PLAINTEXT_BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(PLAINTEXT_BYTES.length).writeBytes(PLAINTEXT_BYTES).asReadOnly());
    private static final AsciiString ZERO = AsciiString.cached("0");

    private static final ObjectWriter JSON_WRITER = JsonMapper.builder().build().writerFor(Message.class);

    /** Updated once a second by a task on one of the event loops. */
    private static volatile AsciiString date = formatDate();

    /** The TechEmpower JSON message. */
    public record Message(String message) {
    }

    private NettyServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(env("PORT", "8080"));
        String host = env("BIND_ADDRESS", "127.0.0.1");
        int threads = Integer.parseInt(env("IO_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors())));

        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory ioHandlerFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelClass =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory);
        try {
            group.next().scheduleAtFixedRate(() -> date = formatDate(), 1000, 1000, TimeUnit.MILLISECONDS);

            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(channelClass)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            HttpDecoderConfig config = new HttpDecoderConfig()
                                    .setMaxInitialLineLength(4096)
                                    .setMaxHeaderSize(8192)
                                    .setMaxChunkSize(8192)
                                    .setHeadersFactory(HEADERS)
                                    .setTrailersFactory(TRAILERS);
                            ch.pipeline().addLast("codec", new HttpServerCodec(config));
                            ch.pipeline().addLast("handler", HelloHandler.INSTANCE);
                        }
                    });
            Channel server = bootstrap.bind(host, port).sync().channel();
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly(), "shutdown"));
            LOG.log(System.Logger.Level.INFO, "netty server started on " + host + ":" + port + " ("
                    + (epoll ? "epoll" : "nio") + ", " + threads + " IO threads)");
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    private static AsciiString formatDate() {
        return new AsciiString(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The one handler: stateless, so one instance serves every channel. */
    @io.netty.channel.ChannelHandler.Sharable
    static final class HelloHandler extends ChannelInboundHandlerAdapter {
        static final HelloHandler INSTANCE = new HelloHandler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    handle(ctx, request);
                }
                // HttpContent / LastHttpContent of a GET: nothing to do but release it (finally).
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private static void handle(ChannelHandlerContext ctx, HttpRequest request) {
            String uri = request.uri();
            FullHttpResponse response;
            if (request.method() != HttpMethod.GET) {
                response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, Unpooled.EMPTY_BUFFER, TEXT_PLAIN, ZERO);
            } else if ("/plaintext".equals(uri)) {
                response = response(HttpResponseStatus.OK, PLAINTEXT_BODY.duplicate(), TEXT_PLAIN, PLAINTEXT_LENGTH);
            } else if ("/json".equals(uri)) {
                byte[] json = JSON_WRITER.writeValueAsBytes(new Message("Hello, World!"));
                response = response(HttpResponseStatus.OK, Unpooled.wrappedBuffer(json), APPLICATION_JSON,
                        AsciiString.of(Integer.toString(json.length)));
            } else {
                response = response(HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER, TEXT_PLAIN, ZERO);
            }
            if (HttpUtil.isKeepAlive(request)) {
                if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.write(response, ctx.voidPromise());
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body, AsciiString contentType,
                                                 AsciiString contentLength) {
            FullHttpResponse response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body, HEADERS, TRAILERS);
            HttpHeaders headers = response.headers();
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
            headers.set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
            headers.set(HttpHeaderNames.SERVER, SERVER_NAME);
            headers.set(HttpHeaderNames.DATE, date);
            return response;
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
