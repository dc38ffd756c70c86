package org.tornadojava.httpclient;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP digest authentication for the client (RFC 7616, RFC 2617's {@code qop=auth} and its no-qop form):
 * answers a {@code 401} carrying a {@code Digest} challenge once, with algorithm MD5, MD5-sess, SHA-256 or
 * SHA-256-sess. Stateless; thread-safe.
 */
final class DigestAuth {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FIRST_NONCE_COUNT = "00000001";

    private DigestAuth() {
    }

    /**
     * The request answering a digest challenge, if this response is one to answer.
     *
     * @param hop the request that got the response
     * @param code the response status
     * @param headers the response headers
     * @return the same request with the computed {@code Authorization}; null when the request has no digest
     *         credentials, already carried an {@code Authorization} (the answer was refused), or the challenge is
     *         missing or uses what this client does not support
     */
    static HttpRequest answer(HttpRequest hop, int code, HttpHeaders headers) {
        if (code != 401 || hop.authMode() != AuthMode.DIGEST || hop.authUsername() == null
                || hop.header(HttpHeaderNames.AUTHORIZATION.toString()) != null) {
            return null;
        }
        for (String value : headers.getAll(HttpHeaderNames.WWW_AUTHENTICATE)) {
            if (value.regionMatches(true, 0, "Digest ", 0, 7)) {
                String authorization = authorization(hop.authUsername(), hop.authPassword(), hop.method(),
                        hop.parsedUrl().target(), parseParameters(value.substring(7)), newClientNonce());
                if (authorization != null) {
                    return hop.toBuilder().setHeader(HttpHeaderNames.AUTHORIZATION.toString(), authorization)
                            .build();
                }
            }
        }
        return null;
    }

    /**
     * Computes the {@code Authorization} value answering a challenge.
     *
     * @param username the user
     * @param password the password
     * @param method the request method
     * @param uri the request target
     * @param challenge the challenge's parameters, lower-case names
     * @param clientNonce the {@code cnonce} to use
     * @return the header value, or null when the challenge has no realm or nonce, or asks for an algorithm or a
     *         quality of protection this client does not support
     */
    static String authorization(String username, String password, String method, String uri,
                                Map<String, String> challenge, String clientNonce) {
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String hashName = hashName(algorithm);
        if (realm == null || nonce == null || hashName == null) {
            return null;
        }
        String qopOffered = challenge.get("qop");
        boolean withQop = qopOffered != null;
        if (withQop && !offersAuth(qopOffered)) {
            return null;
        }
        String secret = hash(hashName, username + ":" + realm + ":" + password);
        if (algorithm.toUpperCase(Locale.ROOT).endsWith("-SESS")) {
            secret = hash(hashName, secret + ":" + nonce + ":" + clientNonce);
        }
        String target = hash(hashName, method + ":" + uri);
        String response = withQop
                ? hash(hashName, secret + ":" + nonce + ":" + FIRST_NONCE_COUNT + ":" + clientNonce + ":auth:"
                        + target)
                : hash(hashName, secret + ":" + nonce + ":" + target);
        StringBuilder header = new StringBuilder("Digest username=").append(quote(username))
                .append(", realm=").append(quote(realm))
                .append(", nonce=").append(quote(nonce))
                .append(", uri=").append(quote(uri))
                .append(", algorithm=").append(algorithm)
                .append(", response=").append(quote(response));
        if (withQop) {
            header.append(", qop=auth, nc=").append(FIRST_NONCE_COUNT).append(", cnonce=").append(quote(clientNonce));
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=").append(quote(challenge.get("opaque")));
        }
        return header.toString();
    }

    /**
     * Parses the parameters of a challenge: {@code name=token} or {@code name="quoted"} separated by commas.
     *
     * @param text what follows {@code Digest }
     * @return the parameters by lower-case name, in order
     */
    static Map<String, String> parseParameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < length && text.charAt(i) == '"') {
                i++;
                while (i < length && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < length) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < length && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.put(name, value.toString().trim());
        }
        return parameters;
    }

    private static boolean offersAuth(String qop) {
        for (String option : qop.split(",")) {
            if (option.trim().equalsIgnoreCase("auth")) {
                return true;
            }
        }
        return false;
    }

    private static String hashName(String algorithm) {
        switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5":
            case "MD5-SESS":
                return "MD5";
            case "SHA-256":
            case "SHA-256-SESS":
                return "SHA-256";
            default:
                return null;
        }
    }

    private static String hash(String hashName, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(hashName)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + hashName, e);
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String newClientNonce() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
