package org.tornadojava.web;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a bare address
 * for one host), for IP whitelists: {@link Application.Builder#ipWhitelist(CidrSet)} for the whole application and
 * {@link RequestHandler#ipWhitelist()} per handler. IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) are the
 * same as their IPv4 form, in the set and in queries. Only literal addresses are parsed, never host names (no DNS).
 *
 * <pre>{@code
 * CidrSet admins = CidrSet.of("127.0.0.1/32", "::1/128", "10.0.0.0/8");
 * admins.contains("10.20.30.40");   // true
 * }</pre>
 *
 * <p>Immutable; thread-safe. A lookup compares each network with two masked 64-bit words, no allocation besides
 * parsing the address.
 */
public final class CidrSet {
    /** The set with no network: contains nothing. */
    public static final CidrSet EMPTY = new CidrSet(List.of(), new long[0]);

    private final List<String> cidrs;
    /** Per network: high word, low word, high mask, low mask of its 128-bit (IPv4-mapped) form. */
    private final long[] networks;

    private CidrSet(List<String> cidrs, long[] networks) {
        this.cidrs = cidrs;
        this.networks = networks;
    }

    /**
     * Parses networks. Any thread.
     *
     * @param cidrs entries like {@code 192.168.0.0/16}, {@code ::1/128} or {@code 127.0.0.1}; surrounding white
     *        space is ignored
     * @return the set
     * @throws IllegalArgumentException naming the first entry that is not a literal address with an optional
     *         prefix length in range
     */
    public static CidrSet of(String... cidrs) {
        return of(Arrays.asList(cidrs));
    }

    /**
     * Parses networks; see {@link #of(String...)}. Any thread.
     *
     * @param cidrs the entries
     * @return the set
     * @throws IllegalArgumentException naming the first invalid entry
     */
    public static CidrSet of(Collection<String> cidrs) {
        List<String> texts = new ArrayList<>(cidrs.size());
        long[] networks = new long[cidrs.size() * 4];
        int index = 0;
        for (String cidr : cidrs) {
            parse(cidr, networks, index);
            texts.add(cidr.trim());
            index += 4;
        }
        return new CidrSet(List.copyOf(texts), networks);
    }

    /**
     * Tells whether an address lies in one of the networks. Any thread.
     *
     * @param ip a literal IPv4 or IPv6 address (brackets and a {@code %zone} suffix are ignored)
     * @return true when it does; false for anything that is not a literal address
     */
    public boolean contains(String ip) {
        if (ip == null) {
            return false;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(stripDecorations(ip));
        return address != null && contains(address);
    }

    /**
     * Tells whether an address lies in one of the networks. Any thread.
     *
     * @param address the address
     * @return true when it does
     */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /**
     * Tells whether the set has no network. Any thread.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return networks.length == 0;
    }

    /**
     * The entries as given, trimmed. Any thread.
     *
     * @return an unmodifiable list
     */
    public List<String> cidrs() {
        return cidrs;
    }

    private boolean contains(byte[] address) {
        long high = high(address);
        long low = low(address);
        for (int i = 0; i < networks.length; i += 4) {
            if ((high & networks[i + 2]) == networks[i] && (low & networks[i + 3]) == networks[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static void parse(String cidr, long[] into, int at) {
        String text = cidr == null ? "" : cidr.trim();
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        byte[] address = ip.isEmpty() || ip.indexOf('%') >= 0 ? null : NetUtil.createByteArrayFromIpAddressString(ip);
        if (address == null) {
            throw new IllegalArgumentException("invalid CIDR '" + cidr + "': not a literal IP address");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = prefixLength(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("invalid CIDR '" + cidr + "': prefix length must be 0 to " + bits);
            }
        }
        if (address.length == 4) {
            prefix += 96;
        }
        long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        into[at] = high(address) & highMask;
        into[at + 1] = low(address) & lowMask;
        into[at + 2] = highMask;
        into[at + 3] = lowMask;
    }

    private static int prefixLength(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String stripDecorations(String ip) {
        String text = ip;
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    /** High 64 bits of the 128-bit form; an IPv4 address is taken as {@code ::ffff:a.b.c.d}. */
    private static long high(byte[] address) {
        return address.length == 4 ? 0 : word(address, 0);
    }

    private static long low(byte[] address) {
        if (address.length == 4) {
            return 0xffff_0000_0000L | (word(address, 0) >>> 32);
        }
        return word(address, 8);
    }

    /** Big-endian 64-bit word at {@code from}; a 4-byte array fills the top 32 bits. */
    private static long word(byte[] bytes, int from) {
        long value = 0;
        int end = Math.min(bytes.length, from + 8);
        for (int i = from; i < end; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value << (8 * (from + 8 - end));
    }

    @Override
    public String toString() {
        return "CidrSet" + cidrs;
    }
}
