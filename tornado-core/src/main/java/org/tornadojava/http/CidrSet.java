package org.tornadojava.http;

import io.netty.util.NetUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks in CIDR notation ({@code 10.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}; a bare
 * address is a /32 or /128). IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) match their IPv4 form. Only
 * literal addresses are accepted: nothing is ever resolved through DNS. Immutable; thread-safe.
 */
public final class CidrSet {
    private static final CidrSet EMPTY = new CidrSet(List.of(), List.of());

    private final List<Network> networks;
    private final List<String> texts;

    private CidrSet(List<Network> networks, List<String> texts) {
        this.networks = networks;
        this.texts = texts;
    }

    /**
     * Parses CIDR blocks. Any thread.
     *
     * @param cidrs blocks such as {@code 127.0.0.0/8} or {@code ::1}; blank entries are skipped
     * @return the set
     * @throws IllegalArgumentException naming the first block that is not a valid literal CIDR
     */
    public static CidrSet parse(Collection<String> cidrs) {
        List<Network> parsed = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String cidr : cidrs) {
            String text = cidr.trim();
            if (!text.isEmpty()) {
                parsed.add(Network.parse(text));
                texts.add(text);
            }
        }
        return parsed.isEmpty() ? EMPTY : new CidrSet(List.copyOf(parsed), List.copyOf(texts));
    }

    /**
     * Parses a comma-separated list of CIDR blocks. Any thread.
     *
     * @param commaSeparated e.g. {@code "127.0.0.0/8, ::1"}
     * @return the set
     * @throws IllegalArgumentException naming the first invalid block
     */
    public static CidrSet parse(String commaSeparated) {
        return parse(List.of(commaSeparated.split(",")));
    }

    /**
     * The empty set. Any thread.
     *
     * @return a set containing nothing
     */
    public static CidrSet empty() {
        return EMPTY;
    }

    /**
     * Tells whether the set has no network. Any thread.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * Tells whether a literal IP address (as {@code HttpServerRequest.remoteIp()} gives it) is in the set. Text
     * that is not an IP literal is never contained. Any thread.
     *
     * @param ip an IPv4 or IPv6 literal
     * @return true when one of the networks contains it
     */
    public boolean contains(String ip) {
        byte[] address = toBytes(ip);
        if (address == null) {
            return false;
        }
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The blocks as given. Any thread.
     *
     * @return an unmodifiable list
     */
    public List<String> blocks() {
        return texts;
    }

    /** The bytes of a literal IP, IPv4-mapped IPv6 folded to IPv4; null for anything else. */
    static byte[] toBytes(String ip) {
        String text = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            return v4;
        }
        return bytes;
    }

    /** The usual text form of a literal IP (e.g. {@code ::1}), or null when the text is not one. */
    static String normalize(String ip) {
        byte[] bytes = toBytes(ip.trim());
        if (bytes == null) {
            return null;
        }
        try {
            InetAddress address = bytes.length == 4 ? Inet4Address.getByAddress(bytes)
                    : Inet6Address.getByAddress(null, bytes, null);
            return NetUtil.toAddressString(address);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return String.join(", ", texts);
    }

    /** One network: its address bytes and prefix length. */
    private static final class Network {
        private final byte[] address;
        private final int prefix;

        private Network(byte[] address, int prefix) {
            this.address = address;
            this.prefix = prefix;
        }

        static Network parse(String text) {
            int slash = text.indexOf('/');
            String ip = slash < 0 ? text : text.substring(0, slash);
            byte[] address = toBytes(ip);
            if (address == null) {
                throw new IllegalArgumentException("invalid CIDR '" + text + "': not an IP address");
            }
            int max = address.length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid CIDR '" + text + "': bad prefix length");
                }
                if (ip.contains(":") && address.length == 4) {
                    prefix -= 96;
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("invalid CIDR '" + text + "': prefix must be 0 to " + max);
                }
            }
            return new Network(address, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }
}
