package org.tornadojava.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.Locale;

/**
 * Applies {@code X-Real-Ip}, {@code X-Forwarded-For}, {@code X-Scheme} and {@code X-Forwarded-Proto}, Tornado's
 * {@code xheaders}, but only when the TCP peer is a trusted proxy: a direct client sending these headers changes
 * nothing. The client address is {@code X-Real-Ip}, else the right-most {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy; the scheme is the last entry of {@code X-Scheme} or {@code X-Forwarded-Proto} when it is
 * {@code http} or {@code https}. Invalid addresses are ignored. Immutable; thread-safe.
 */
final class XHeaders {
    private final boolean enabled;
    private final CidrSet trustedProxies;

    XHeaders(boolean enabled, CidrSet trustedProxies) {
        this.enabled = enabled;
        this.trustedProxies = trustedProxies;
    }

    /** The client address for a request from {@code peerIp}. */
    String remoteIp(String peerIp, HttpHeaders headers) {
        if (!enabled || !trustedProxies.contains(peerIp)) {
            return peerIp;
        }
        String realIp = headers.get("X-Real-Ip");
        if (realIp != null) {
            String normalized = CidrSet.normalize(realIp);
            if (normalized != null) {
                return normalized;
            }
        }
        String forwardedFor = headers.get("X-Forwarded-For");
        if (forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = CidrSet.normalize(hops[i]);
                if (hop == null) {
                    return peerIp;
                }
                if (!trustedProxies.contains(hop)) {
                    return hop;
                }
            }
        }
        return peerIp;
    }

    /** The scheme for a request from {@code peerIp} that arrived as {@code connectionProtocol}. */
    String protocol(String peerIp, String connectionProtocol, HttpHeaders headers) {
        if (!enabled || !trustedProxies.contains(peerIp)) {
            return connectionProtocol;
        }
        String scheme = headers.get("X-Scheme");
        if (scheme == null) {
            scheme = headers.get("X-Forwarded-Proto");
        }
        if (scheme == null) {
            return connectionProtocol;
        }
        String[] entries = scheme.split(",");
        String last = entries[entries.length - 1].trim().toLowerCase(Locale.ROOT);
        return last.equals("http") || last.equals("https") ? last : connectionProtocol;
    }
}
