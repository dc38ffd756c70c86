package org.tornadojava.httpclient;

import java.util.Objects;

/**
 * An HTTP proxy to send requests through (Tornado's {@code proxy_host}, {@code proxy_port},
 * {@code proxy_username}, {@code proxy_password}). {@code http://} requests go to the proxy with the absolute URL
 * as request target; {@code https://} requests open a tunnel with {@code CONNECT} and run TLS with the target
 * through it. Credentials are sent as {@code Proxy-Authorization: Basic}. Immutable; thread-safe.
 *
 * @param host the proxy's host name or IP address
 * @param port the proxy's port
 * @param username the proxy user, or null for none
 * @param password the proxy password, or null for none
 */
public record HttpProxy(String host, int port, String username, String password) {

    /**
     * Checks the values. Any thread.
     *
     * @throws IllegalArgumentException when the host is empty, the port is out of range, or only one of user name
     *         and password is given
     */
    public HttpProxy {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid proxy address " + host + ":" + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("a proxy user name needs a password and the other way around");
        }
    }

    /**
     * A proxy without credentials. Any thread.
     *
     * @param host the proxy's host name or IP address
     * @param port the proxy's port
     * @return the proxy
     */
    public static HttpProxy of(String host, int port) {
        return new HttpProxy(host, port, null, null);
    }

    /**
     * The same proxy with credentials. Any thread.
     *
     * @param user the proxy user
     * @param secret the proxy password
     * @return a new proxy
     */
    public HttpProxy withCredentials(String user, String secret) {
        return new HttpProxy(host, port, Objects.requireNonNull(user, "user"), Objects.requireNonNull(secret,
                "secret"));
    }

    /** Tells whether credentials are set. */
    boolean hasCredentials() {
        return username != null;
    }

    /** {@code host:port}, the password left out. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (username == null ? "" : " (user " + username + ")");
    }
}
