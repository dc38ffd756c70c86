package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.http.RequestReceiver;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Connects one request to its handler: an ordinary handler starts when the whole body arrived; a
 * {@link StreamRequestBody} handler starts at once and receives the body piece by piece. IOLoop thread only.
 */
final class HandlerReceiver implements RequestReceiver {
    private final Application application;
    private final RequestHandler handler;
    private final HttpServerRequest request;
    private final Map<String, Object> initArgs;
    private final String[] rawGroups;
    private final Throwable creationFailure;
    private final boolean routed;
    private final boolean streams;

    HandlerReceiver(Application application, RequestHandler handler, HttpServerRequest request,
                    Map<String, Object> initArgs, String[] rawGroups, Throwable creationFailure, boolean routed) {
        this.application = application;
        this.handler = handler;
        this.request = request;
        this.initArgs = initArgs;
        this.rawGroups = rawGroups;
        this.creationFailure = creationFailure;
        this.routed = routed;
        this.streams = HandlerMethods.of(handler.getClass()).streamsBody();
        if (streams) {
            handler.startStreaming(application, request, initArgs, rawGroups);
        }
    }

    @Override
    public boolean streamsBody() {
        return streams;
    }

    @Override
    public boolean acceptsBody() {
        return routed && creationFailure == null && !(streams && handler.isFinished());
    }

    @Override
    public CompletionStage<?> dataReceived(ByteBuf chunk) {
        return handler.receiveData(chunk);
    }

    @Override
    public void finish() {
        if (streams) {
            handler.bodyReceived();
        } else {
            handler.start(application, request, initArgs, rawGroups, creationFailure);
        }
    }
}
