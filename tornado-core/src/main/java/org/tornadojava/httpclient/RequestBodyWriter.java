package org.tornadojava.httpclient;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import org.tornadojava.http.StreamClosedException;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The {@link BodyWriter} handed to a {@link BodyProducer} for one attempt of a request: copies each piece, sends it
 * on the connection's loop in call order, and completes its future once the piece reached the socket. Counts the
 * bytes against a declared {@code Content-Length}. After {@link #close()} (the exchange ended) writes fail with
 * {@link StreamClosedException}. {@link #write} from any thread; the rest on the connection's loop.
 */
final class RequestBodyWriter implements BodyWriter {
    private final Channel channel;
    private final long declaredLength;
    private final Consumer<Throwable> failure;
    private long written;
    private boolean closed;

    /**
     * Creates the writer.
     *
     * @param channel the connection, request head already written
     * @param declaredLength the request's {@code Content-Length}, or -1 for a chunked body
     * @param failure told when the producer wrote more than declared (ends the exchange), on the loop
     */
    RequestBodyWriter(Channel channel, long declaredLength, Consumer<Throwable> failure) {
        this.channel = channel;
        this.declaredLength = declaredLength;
        this.failure = failure;
    }

    @Override
    public CompletableFuture<Void> write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        byte[] piece = Arrays.copyOfRange(bytes, offset, offset + length);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        if (channel.eventLoop().inEventLoop()) {
            send(piece, sent);
        } else {
            channel.eventLoop().execute(() -> send(piece, sent));
        }
        return sent;
    }

    private void send(byte[] piece, CompletableFuture<Void> sent) {
        if (closed) {
            sent.completeExceptionally(new StreamClosedException("the request ended before this piece of its"
                    + " body was written"));
            return;
        }
        written += piece.length;
        if (declaredLength >= 0 && written > declaredLength) {
            IllegalStateException tooLong = new IllegalStateException("the body producer wrote more than the"
                    + " Content-Length of " + declaredLength + " bytes");
            sent.completeExceptionally(tooLong);
            failure.accept(tooLong);
            return;
        }
        if (piece.length == 0) {
            sent.complete(null);
            return;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(piece))).addListener(done -> {
            if (done.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(done.cause());
            }
        });
    }

    /**
     * Ends the body after the producer finished: writes the last chunk. On the loop.
     *
     * @return the write of the end of the body
     * @throws IllegalStateException when fewer bytes than the declared {@code Content-Length} were written
     */
    ChannelFuture finish() {
        closed = true;
        if (declaredLength >= 0 && written != declaredLength) {
            throw new IllegalStateException("the body producer wrote " + written + " bytes but the Content-Length"
                    + " is " + declaredLength);
        }
        return channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** Refuses further writes: the exchange is over. On the loop. */
    void close() {
        closed = true;
    }
}
