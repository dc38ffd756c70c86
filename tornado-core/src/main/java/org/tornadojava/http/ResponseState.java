package org.tornadojava.http;

/**
 * Where the response of one request is. The {@link ResponseWriter} owns it and moves it forward only; the connection
 * and the handler's response read it through the writer.
 */
enum ResponseState {
    /** Nothing was sent: status and headers may still change. */
    PENDING,
    /** The head was sent without the end: body pieces follow, then {@code finish}. */
    STREAMING,
    /** Complete, given up ({@code abort}) or handed to another protocol: nothing more is written as HTTP. */
    FINISHED;
}
