package org.tornadojava.httpclient;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One request and its response over one connection: waits for a slot, takes an idle connection of its loop or
 * opens one, writes the request (running its {@link BodyProducer}, if any), reads the response (into a buffer, or
 * through a {@link StreamedBody} to the streaming callback), then gives the connection back (or closes it, also
 * when the request body was not complete) and the slot. A response to follow (redirect, digest challenge) is not
 * passed to the callbacks; its follow-up request goes back to the {@link Fetch}.
 * Times the whole exchange ({@code Timeout in request queue}, {@code while connecting}, {@code during request}).
 * A reused connection that closes before any answer is replaced once for idempotent methods without a body
 * producer (the server closed it while idle, as the request was on its way).
 *
 * <p>Confined to its IOLoop: every method runs there, except {@link #abort} which hands over to it.
 */
final class Exchange implements ResponseReader.Listener {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private enum State { QUEUED, CONNECTING, ACTIVE, DONE }

    private final ClientContext client;
    private final Fetch fetch;
    private final HttpRequest request;
    private final RequestUrl url;
    private final RequestSettings settings;
    private final PoolKey key;
    private final IOLoop loop;

    private State state = State.QUEUED;
    private boolean holdsSlot;
    private Timeout requestTimer;
    private Timeout connectTimer;
    private ClientConnection connecting;
    private ClientConnection connection;
    private boolean retried;
    private HttpResponse head;
    private HttpRequest followUp;
    private BodyBuffer body;
    private StreamedBody streamed;
    private RequestBodyWriter bodyWriter;
    private boolean requestSent;
    private long received;

    Exchange(ClientContext client, Fetch fetch, HttpRequest request, RequestSettings settings, PoolKey key,
             IOLoop loop) {
        this.client = client;
        this.fetch = fetch;
        this.request = request;
        this.url = request.parsedUrl();
        this.settings = settings;
        this.key = key;
        this.loop = loop;
    }

    IOLoop loop() {
        return loop;
    }

    /** Starts the request timer and asks for a slot. */
    void start() {
        Duration timeout = settings.requestTimeout();
        if (!timeout.isZero()) {
            requestTimer = loop.callLater(timeout, this::requestTimedOut);
        }
        ConnectionPool.Acquired acquired = client.pool().acquire(this);
        if (acquired == ConnectionPool.Acquired.TAKEN) {
            slotGranted();
        } else if (acquired == ConnectionPool.Acquired.CLOSED) {
            fail(new IllegalStateException("AsyncHttpClient closed before the request was sent"));
        }
    }

    /** The pool granted a slot; does nothing when the exchange ended while it waited. */
    void slotGranted() {
        if (state != State.QUEUED) {
            return;
        }
        holdsSlot = true;
        ClientConnection idle = client.pool().takeIdle(key, loop);
        if (idle != null) {
            send(idle);
        } else {
            connect();
        }
    }

    /**
     * Ends the exchange with the error, from any thread (cancellation, client closed).
     *
     * @param error what the fetch fails with
     */
    void abort(Throwable error) {
        loop.execute(() -> fail(error));
    }

    private void connect() {
        state = State.CONNECTING;
        if (client.isClosed()) {
            fail(new IllegalStateException("AsyncHttpClient is closed"));
            return;
        }
        Duration timeout = settings.connectTimeout();
        if (!timeout.isZero()) {
            connectTimer = loop.callLater(timeout, () -> fail(new HttpTimeoutError("Timeout while connecting")));
        }
        Connector.Attempt attempt = client.connector().connect(key, loop, timeout);
        connecting = attempt.connection();
        attempt.ready().addListener(done -> connected(attempt.connection(), done));
    }

    private void connected(ClientConnection opened, Future<?> done) {
        if (opened != connecting) {
            opened.close();
            return;
        }
        connecting = null;
        cancel(connectTimer);
        if (done.isSuccess()) {
            send(opened);
        } else {
            opened.close();
            fail(Failures.connectFailed(url, settings.proxy(), done.cause()));
        }
    }

    private void send(ClientConnection opened) {
        state = State.ACTIVE;
        connection = opened;
        opened.begin(this, settings.decompressResponse());
        io.netty.handler.codec.http.HttpRequest message = OutgoingRequest.toNetty(request, key,
                settings.decompressResponse());
        ChannelFuture written = opened.channel().writeAndFlush(message);
        written.addListener(done -> {
            if (!done.isSuccess() && connection == opened) {
                opened.end();
                connectionLost(done.cause());
            }
        });
        BodyProducer producer = request.bodyProducer();
        if (producer == null) {
            requestSent = true;
            return;
        }
        if (connection != opened) {
            return;
        }
        RequestBodyWriter writer = new RequestBodyWriter(opened.channel(), HttpUtil.getContentLength(message, -1L),
                this::fail);
        bodyWriter = writer;
        CompletionStage<?> produced;
        try {
            produced = producer.produce(writer);
        } catch (Throwable e) {
            fail(e);
            return;
        }
        if (produced == null) {
            fail(new NullPointerException("the body producer returned null instead of a future"));
            return;
        }
        produced.whenComplete((ignored, error) -> loop.execute(() -> bodyProduced(writer, error)));
    }

    /** The producer's future completed: ends the body, or fails the exchange with the producer's error. */
    private void bodyProduced(RequestBodyWriter writer, Throwable error) {
        if (writer != bodyWriter || state == State.DONE) {
            writer.close();
            return;
        }
        if (error != null) {
            fail(Failures.unwrap(error));
            return;
        }
        ClientConnection opened = connection;
        ChannelFuture ended;
        try {
            ended = writer.finish();
        } catch (IllegalStateException e) {
            fail(e);
            return;
        }
        requestSent = true;
        ended.addListener(done -> {
            if (!done.isSuccess() && connection == opened) {
                opened.end();
                connectionLost(done.cause());
            }
        });
    }

    @Override
    public void responseHead(HttpResponse response) {
        head = response;
        int code = response.status().code();
        followUp = Redirects.next(request, settings, fetch.originalUrl(), code, response.headers());
        if (followUp == null) {
            followUp = DigestAuth.answer(request, code, response.headers());
        }
        boolean bodyExpected = !request.method().equals("HEAD") && code != 204 && code != 304;
        long declared = bodyExpected ? HttpUtil.getContentLength(response, -1L) : -1L;
        if (declared > client.options().maxBodySize()) {
            fail(Failures.tooLarge(url, client.options().maxBodySize()));
            return;
        }
        if (followUp != null) {
            return;
        }
        if (request.headerCallback() != null && !headerLines(request.headerCallback(), response)) {
            return;
        }
        if (request.streamingCallback() == null) {
            body = new BodyBuffer(declared);
        } else {
            streamed = new StreamedBody(request.streamingCallback(), connection, this::fail);
        }
    }

    /** Passes the head to the header callback line by line; false when it threw (the exchange failed). */
    private boolean headerLines(Consumer<String> callback, HttpResponse response) {
        try {
            callback.accept(response.protocolVersion() + " " + response.status().code() + " "
                    + response.status().reasonPhrase() + "\r\n");
            for (Map.Entry<String, String> header : response.headers()) {
                callback.accept(header.getKey() + ": " + header.getValue() + "\r\n");
            }
            callback.accept("\r\n");
            return true;
        } catch (Throwable e) {
            fail(e);
            return false;
        }
    }

    @Override
    public void responseContent(ByteBuf content) {
        received += content.readableBytes();
        if (received > client.options().maxBodySize()) {
            fail(Failures.tooLarge(url, client.options().maxBodySize()));
        } else if (body != null) {
            if (!body.append(content)) {
                fail(Failures.tooLarge(url, BodyBuffer.MAX_LENGTH));
            }
        } else if (streamed != null) {
            streamed.offer(ByteBufUtil.getBytes(content));
        }
    }

    @Override
    public void responseEnd() {
        if (streamed != null) {
            streamed.end(this::complete);
        } else {
            complete();
        }
    }

    private void complete() {
        ClientConnection used = connection;
        connection = null;
        String requestConnection = request.header(HttpHeaderNames.CONNECTION.toString());
        boolean keepAlive = requestSent && HttpUtil.isKeepAlive(head) && used.channel().isActive()
                && !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(requestConnection);
        finish();
        if (keepAlive) {
            client.pool().offer(used);
        } else {
            used.close();
        }
        releaseSlot();
        if (followUp != null) {
            fetch.redirected(followUp);
        } else {
            fetch.responded(request, head, body == null ? new byte[0] : body.toArray());
        }
    }

    @Override
    public void responseInvalid(Throwable cause) {
        fail(Failures.malformed(url, cause));
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (state != State.ACTIVE) {
            return;
        }
        if (head == null && connection.isReused() && !retried && IDEMPOTENT.contains(request.method())
                && request.bodyProducer() == null) {
            retried = true;
            GENERAL_LOG.debug("Reused connection to {} closed before answering {}; retrying on a new connection",
                    key, request);
            connection.close();
            connection = null;
            closeBodyWriter();
            connect();
            return;
        }
        fail(Failures.connectionLost(url, cause));
    }

    private void requestTimedOut() {
        requestTimer = null;
        switch (state) {
            case QUEUED:
                fail(new HttpTimeoutError("Timeout in request queue"));
                break;
            case CONNECTING:
                fail(new HttpTimeoutError("Timeout while connecting"));
                break;
            default:
                fail(new HttpTimeoutError("Timeout during request"));
        }
    }

    /** Ends the exchange with an error: closes what it opened, gives the slot back, fails the fetch. */
    private void fail(Throwable error) {
        if (state == State.DONE) {
            return;
        }
        boolean queued = state == State.QUEUED;
        finish();
        if (queued) {
            if (!client.pool().leaveQueue(this)) {
                client.pool().release();
            }
        } else {
            releaseSlot();
        }
        if (connecting != null) {
            connecting.close();
            connecting = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        body = null;
        fetch.failed(error);
    }

    private void closeBodyWriter() {
        if (bodyWriter != null) {
            bodyWriter.close();
            bodyWriter = null;
        }
    }

    private void finish() {
        state = State.DONE;
        closeBodyWriter();
        if (streamed != null) {
            streamed.stop();
            streamed = null;
        }
        cancel(requestTimer);
        cancel(connectTimer);
        requestTimer = null;
        connectTimer = null;
    }

    private void releaseSlot() {
        if (holdsSlot) {
            holdsSlot = false;
            client.pool().release();
        }
    }

    private static void cancel(Timeout timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
