package org.tornadojava.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.util.Iterator;
import java.util.Map;

/**
 * The request headers that decide framing, keep-alive and validity of a request head ({@code Host},
 * {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code Expect}, {@code Content-Encoding},
 * the hixie-76 WebSocket keys), gathered in one pass over the header list instead of one hashed lookup each. Most
 * requests carry only a few of them, so the rules that need more than presence and first value (Netty's
 * {@code HttpUtil}) run only for a header that is there. One instance per connection, refilled for each request
 * head; IOLoop thread only.
 */
final class RequestHeadFields {
    private String host;
    private int hostCount;
    private String contentEncoding;
    private boolean contentLength;
    private boolean transferEncoding;
    private boolean connection;
    private boolean expect;
    private boolean webSocketKey;

    /** Forgets the previous head and reads the fields of {@code headers}. */
    void read(HttpHeaders headers) {
        host = null;
        hostCount = 0;
        contentEncoding = null;
        contentLength = false;
        transferEncoding = false;
        connection = false;
        expect = false;
        webSocketKey = false;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> entry = entries.next();
            CharSequence name = entry.getKey();
            switch (name.length()) {
                case 4:
                    if (is(name, HttpHeaderNames.HOST) && hostCount++ == 0) {
                        host = entry.getValue().toString();
                    }
                    break;
                case 6:
                    expect |= is(name, HttpHeaderNames.EXPECT);
                    break;
                case 10:
                    connection |= is(name, HttpHeaderNames.CONNECTION);
                    break;
                case 14:
                    contentLength |= is(name, HttpHeaderNames.CONTENT_LENGTH);
                    break;
                case 16:
                    if (contentEncoding == null && is(name, HttpHeaderNames.CONTENT_ENCODING)) {
                        contentEncoding = entry.getValue().toString();
                    }
                    break;
                case 17:
                    transferEncoding |= is(name, HttpHeaderNames.TRANSFER_ENCODING);
                    break;
                case 18:
                    webSocketKey |= is(name, HttpHeaderNames.SEC_WEBSOCKET_KEY1)
                            || is(name, HttpHeaderNames.SEC_WEBSOCKET_KEY2);
                    break;
                default:
                    break;
            }
        }
    }

    private static boolean is(CharSequence name, AsciiString expected) {
        return AsciiString.contentEqualsIgnoreCase(name, expected);
    }

    /** The first {@code Host} value, or null. */
    String host() {
        return host;
    }

    /** How many {@code Host} headers the head has. */
    int hostCount() {
        return hostCount;
    }

    /** The first {@code Content-Encoding} value, or null. */
    String contentEncoding() {
        return contentEncoding;
    }

    /** Whether a {@code Content-Length} header is present. */
    boolean hasContentLength() {
        return contentLength;
    }

    /** Whether a {@code Transfer-Encoding} header is present. */
    boolean hasTransferEncoding() {
        return transferEncoding;
    }

    /** Whether a {@code Connection} header is present. */
    boolean hasConnection() {
        return connection;
    }

    /** Whether an {@code Expect} header is present. */
    boolean hasExpect() {
        return expect;
    }

    /**
     * Whether the length of the body may be given by headers: {@code Content-Length}, or the keys of a hixie-76
     * WebSocket handshake (an 8-byte body for Netty's decoder).
     */
    boolean mayDeclareLength() {
        return contentLength || webSocketKey;
    }
}
