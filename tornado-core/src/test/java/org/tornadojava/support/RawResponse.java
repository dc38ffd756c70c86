package org.tornadojava.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP response as read off the wire by {@link RawHttpClient}: status line, headers in order, body bytes. */
public final class RawResponse {
    private final String version;
    private final int status;
    private final String reason;
    private final List<String[]> headerLines;
    private final byte[] body;

    RawResponse(String version, int status, String reason, List<String[]> headerLines, byte[] body) {
        this.version = version;
        this.status = status;
        this.reason = reason;
        this.headerLines = headerLines;
        this.body = body;
    }

    public String version() {
        return version;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** First value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (String[] line : headerLines) {
            if (line[0].equalsIgnoreCase(name)) {
                return line[1];
            }
        }
        return null;
    }

    /** All values of a header (case-insensitive). */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] line : headerLines) {
            if (line[0].equalsIgnoreCase(name)) {
                values.add(line[1]);
            }
        }
        return values;
    }

    /** Header names exactly as sent, in order. */
    public List<String> headerNames() {
        List<String> names = new ArrayList<>();
        for (String[] line : headerLines) {
            names.add(line[0]);
        }
        return names;
    }

    /** Headers as a lower-case-keyed map of first values. */
    public Map<String, String> headerMap() {
        Map<String, String> map = new TreeMap<>();
        for (String[] line : headerLines) {
            map.putIfAbsent(line[0].toLowerCase(Locale.ROOT), line[1]);
        }
        return map;
    }

    public byte[] body() {
        return body;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return version + " " + status + " " + reason + " " + headerMap() + " " + text();
    }
}
