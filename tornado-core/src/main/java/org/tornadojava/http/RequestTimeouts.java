package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The read timeouts of one connection, in front of the HTTP codec where it sees the first byte of each request:
 * {@code header-timeout} for a new connection's first request to start and, from its first byte, for each head to
 * arrive; {@code body-timeout} for the body after its head; {@code idle-connection-timeout} for a kept-alive
 * connection waiting for its next request. An idle or new connection that times out is closed quietly. A request
 * cut off by a timeout gets {@code 408} and a close (unless its response already started).
 * No timer runs while a handler works on the request, so long polls are not cut.
 *
 * <p>Requests come and go far more often than timeouts fire, so a request only moves a deadline; one pending check
 * per connection fires at or before it and re-arms itself for the rest when the deadline moved on. Deadlines are
 * read on the connection's {@link RequestClock}, whose reads this handler marks (it is first to see each one). Runs
 * on the channel's IOLoop.
 */
final class RequestTimeouts extends ChannelDuplexHandler {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private enum State { IDLE, HEADER, BODY, PROCESSING }

    private final RequestClock clock;
    private final long idleNanos;
    private final long headerNanos;
    private final long bodyNanos;
    private final Supplier<Object> timeoutAnswer;
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private ScheduledFuture<?> timer;
    private long timerFiresAt;
    private long deadline;
    private boolean responseStarted;

    /** Timeouts with a new {@link RequestClock} reading {@link System#nanoTime()}, as a connection of its own has. */
    RequestTimeouts(Duration idle, Duration header, Duration body) {
        this(new RequestClock(), idle, header, body);
    }

    /**
     * Timeouts that mark the reads of {@code clock} and tell time with it.
     *
     * @param clock the connection's clock, shared with its {@link HttpServerConnection}
     */
    RequestTimeouts(RequestClock clock, Duration idle, Duration header, Duration body) {
        this(clock, idle, header, body, () -> Unpooled.wrappedBuffer(REQUEST_TIMEOUT));
    }

    /**
     * Timeouts that answer a request cut off in time with what {@code timeoutAnswer} makes, written from this handler
     * (an HTTP/2 stream's {@code 408} as a response object for the stream's codec); 0 durations mean no deadline.
     *
     * @param clock the connection's clock, shared with its {@link HttpServerConnection}
     */
    RequestTimeouts(RequestClock clock, Duration idle, Duration header, Duration body, Supplier<Object> timeoutAnswer) {
        this.clock = clock;
        this.idleNanos = idle.toNanos();
        this.headerNanos = header.toNanos();
        this.bodyNanos = body.toNanos();
        this.timeoutAnswer = timeoutAnswer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Leaving the pipeline (an upgrade to HTTP/2 or a WebSocket): no deadline of this handler may fire any more. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        deadline = 0;
        cancelTimer();
    }

    /** A new connection must start its first request within the header timeout. */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        schedule(headerNanos);
        ctx.fireChannelActive();
    }

    /** The clock of this connection, whose reads these timeouts mark; the connection tells time with it too. */
    RequestClock clock() {
        return clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        clock.readStarted();
        try {
            if (state == State.IDLE && msg instanceof ByteBuf && ((ByteBuf) msg).isReadable()) {
                state = State.HEADER;
                responseStarted = false;
                schedule(headerNanos);
            }
            ctx.fireChannelRead(msg);
        } finally {
            clock.readEnded();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        deadline = 0;
        cancelTimer();
        ctx.fireChannelInactive();
    }

    /** The head of the current request was decoded; wait for its body if one follows. */
    void headReceived(boolean bodyFollows) {
        state = bodyFollows ? State.BODY : State.PROCESSING;
        responseStarted = false;
        schedule(bodyFollows ? bodyNanos : 0);
    }

    /** The whole body arrived; the handler may take as long as it likes. */
    void bodyReceived() {
        state = State.PROCESSING;
        deadline = 0;
    }

    /** The response head was sent, so a timeout can no longer be answered with 408. */
    void responseStarted() {
        responseStarted = true;
    }

    /** The response was finished and the connection stays open for the next request. */
    void waitingForNextRequest() {
        state = State.IDLE;
        schedule(idleNanos);
    }

    /** Sets the deadline of the current state, {@code nanos} from now; 0 means no deadline. */
    private void schedule(long nanos) {
        if (nanos <= 0) {
            deadline = 0;
            return;
        }
        long now = clock.now();
        deadline = now + nanos;
        if (timer == null || deadline - timerFiresAt < 0) {
            cancelTimer();
            arm(now, nanos);
        }
    }

    private void arm(long now, long nanos) {
        timerFiresAt = now + nanos;
        timer = ctx.executor().schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check() {
        timer = null;
        if (deadline == 0) {
            return;
        }
        long now = clock.now();
        long left = deadline - now;
        if (left > 0) {
            arm(now, left);
        } else {
            deadline = 0;
            expired();
        }
    }

    private void expired() {
        if (!ctx.channel().isActive()) {
            return;
        }
        switch (state) {
            case IDLE:
                GENERAL_LOG.debug("closing idle connection from {}", ctx.channel().remoteAddress());
                ctx.close();
                break;
            case HEADER:
            case BODY:
                GENERAL_LOG.info("408 from {}: {} not received in time", ctx.channel().remoteAddress(),
                        state == State.HEADER ? "request head" : "request body");
                state = State.PROCESSING;
                if (responseStarted) {
                    ctx.close();
                } else {
                    ctx.writeAndFlush(timeoutAnswer.get()).addListener(ChannelFutureListener.CLOSE);
                }
                break;
            default:
                break;
        }
    }
}
