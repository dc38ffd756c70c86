package org.tornadojava.web;

import io.netty.buffer.ByteBuf;

import java.util.Locale;

/**
 * How {@link RequestHandler#computeEtag()} tags a finished GET or HEAD response with status 200 that was not
 * flushed (property {@code tornado.etag.policy}). A request whose {@code If-None-Match} matches the tag is answered
 * 304 with no body. Dynamic pages whose body does not change when their logic does (a login form that always
 * looks the same) should not be tagged: choose {@link #DISABLED} for the application, or return null from
 * {@code computeEtag()} in that handler. Static files are always tagged with their SHA-512, whatever the policy.
 */
public enum EtagPolicy {
    /** Tornado's default: {@code "} + SHA-1 hex of the body + {@code "}, a strong tag. */
    CONTENT_HASH("content-hash"),
    /** The same hash as a weak tag, {@code W/"..."}: equal content, not necessarily equal bytes on the wire. */
    WEAK("weak"),
    /** No ETag, no automatic 304. */
    DISABLED("disabled");

    private final String propertyValue;

    EtagPolicy(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /**
     * The policy's name in configuration, e.g. {@code content-hash}. Any thread.
     *
     * @return the property value
     */
    public String propertyValue() {
        return propertyValue;
    }

    /**
     * The policy named by a configuration value ({@code content-hash}, {@code weak}, {@code disabled}; case and
     * {@code _} versus {@code -} do not matter). Any thread.
     *
     * @param value the configured value
     * @return the policy
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    public static EtagPolicy fromPropertyValue(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EtagPolicy policy : values()) {
            if (policy.propertyValue.equals(normalized)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown ETag policy '" + value
                + "' (expected content-hash, weak or disabled)");
    }

    /**
     * The tag for a body under this policy. Hashes the buffer's readable bytes in place. Any thread.
     *
     * @param body the buffered body, or null for an empty one
     * @return the quoted tag, or null for {@link #DISABLED}
     */
    public String etagFor(ByteBuf body) {
        switch (this) {
            case CONTENT_HASH:
                return Hex.encode("\"", Digests.sha1(body), "\"");
            case WEAK:
                return Hex.encode("W/\"", Digests.sha1(body), "\"");
            default:
                return null;
        }
    }
}
