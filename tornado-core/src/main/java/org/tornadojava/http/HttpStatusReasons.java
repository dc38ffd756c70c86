package org.tornadojava.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Reason phrases for HTTP status codes, the same table Tornado uses (Python's {@code http.HTTPStatus}), so error
 * pages and status lines read the same as Tornado's. Thread-safe.
 */
public final class HttpStatusReasons {
    private static final Map<Integer, String> REASONS = table();

    private HttpStatusReasons() {
    }

    /**
     * The reason phrase of a status code. Any thread.
     *
     * @param code a status code
     * @return its phrase, or {@code Unknown} for a code the table does not know
     */
    public static String reason(int code) {
        return REASONS.getOrDefault(code, "Unknown");
    }

    /**
     * Tells whether the table knows the code. Any thread.
     *
     * @param code a status code
     * @return true when {@link #reason(int)} is not {@code Unknown}
     */
    public static boolean isKnown(int code) {
        return REASONS.containsKey(code);
    }

    private static Map<Integer, String> table() {
        Map<Integer, String> r = new HashMap<>();
        r.put(100, "Continue");
        r.put(101, "Switching Protocols");
        r.put(102, "Processing");
        r.put(103, "Early Hints");
        r.put(200, "OK");
        r.put(201, "Created");
        r.put(202, "Accepted");
        r.put(203, "Non-Authoritative Information");
        r.put(204, "No Content");
        r.put(205, "Reset Content");
        r.put(206, "Partial Content");
        r.put(207, "Multi-Status");
        r.put(208, "Already Reported");
        r.put(226, "IM Used");
        r.put(300, "Multiple Choices");
        r.put(301, "Moved Permanently");
        r.put(302, "Found");
        r.put(303, "See Other");
        r.put(304, "Not Modified");
        r.put(305, "Use Proxy");
        r.put(307, "Temporary Redirect");
        r.put(308, "Permanent Redirect");
        r.put(400, "Bad Request");
        r.put(401, "Unauthorized");
        r.put(402, "Payment Required");
        r.put(403, "Forbidden");
        r.put(404, "Not Found");
        r.put(405, "Method Not Allowed");
        r.put(406, "Not Acceptable");
        r.put(407, "Proxy Authentication Required");
        r.put(408, "Request Timeout");
        r.put(409, "Conflict");
        r.put(410, "Gone");
        r.put(411, "Length Required");
        r.put(412, "Precondition Failed");
        r.put(413, "Request Entity Too Large");
        r.put(414, "Request-URI Too Long");
        r.put(415, "Unsupported Media Type");
        r.put(416, "Requested Range Not Satisfiable");
        r.put(417, "Expectation Failed");
        r.put(418, "I'm a Teapot");
        r.put(421, "Misdirected Request");
        r.put(422, "Unprocessable Entity");
        r.put(423, "Locked");
        r.put(424, "Failed Dependency");
        r.put(425, "Too Early");
        r.put(426, "Upgrade Required");
        r.put(428, "Precondition Required");
        r.put(429, "Too Many Requests");
        r.put(431, "Request Header Fields Too Large");
        r.put(451, "Unavailable For Legal Reasons");
        r.put(500, "Internal Server Error");
        r.put(501, "Not Implemented");
        r.put(502, "Bad Gateway");
        r.put(503, "Service Unavailable");
        r.put(504, "Gateway Timeout");
        r.put(505, "HTTP Version Not Supported");
        r.put(506, "Variant Also Negotiates");
        r.put(507, "Insufficient Storage");
        r.put(508, "Loop Detected");
        r.put(510, "Not Extended");
        r.put(511, "Network Authentication Required");
        return Map.copyOf(r);
    }
}
