package org.tornadojava.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrSetTest {
    @Test
    void ipv4NetworksContainTheirAddressesOnly() {
        CidrSet set = CidrSet.of("10.0.0.0/8", "192.168.1.0/24", "203.0.113.7");
        assertThat(set.contains("10.255.1.2")).isTrue();
        assertThat(set.contains("11.0.0.1")).isFalse();
        assertThat(set.contains("192.168.1.254")).isTrue();
        assertThat(set.contains("192.168.2.1")).isFalse();
        assertThat(set.contains("203.0.113.7")).isTrue();
        assertThat(set.contains("203.0.113.8")).isFalse();
    }

    @Test
    void ipv6NetworksContainTheirAddressesOnly() {
        CidrSet set = CidrSet.of("2001:db8::/32", "::1/128", "fe80::/10", "2001:db8:1:2:3:4:5:0/127");
        assertThat(set.contains("2001:db8:ffff::1")).isTrue();
        assertThat(set.contains("2001:db9::1")).isFalse();
        assertThat(set.contains("::1")).isTrue();
        assertThat(set.contains("::2")).isFalse();
        assertThat(set.contains("febf::1")).isTrue();
        assertThat(set.contains("fec0::1")).isFalse();
        assertThat(set.contains("[::1]")).isTrue();
        assertThat(set.contains("fe80::1%eth0")).isTrue();
    }

    @Test
    void ipv4MappedAddressesMatchTheirIpv4FormBothWays() {
        assertThat(CidrSet.of("127.0.0.0/8").contains("::ffff:127.0.0.1")).isTrue();
        assertThat(CidrSet.of("::ffff:10.0.0.0/104").contains("10.1.2.3")).isTrue();
        assertThat(CidrSet.of("::ffff:10.0.0.0/104").contains("11.1.2.3")).isFalse();
        assertThat(CidrSet.of("::/0").contains("10.1.2.3")).isTrue();
        assertThat(CidrSet.of("0.0.0.0/0").contains("2001:db8::1")).isFalse();
        assertThat(CidrSet.of("0.0.0.0/0").contains("1.2.3.4")).isTrue();
    }

    @Test
    void prefixEdgesAreExact() {
        assertThat(CidrSet.of("10.0.0.0/31").contains("10.0.0.1")).isTrue();
        assertThat(CidrSet.of("10.0.0.0/31").contains("10.0.0.2")).isFalse();
        assertThat(CidrSet.of("2001:db8::/64").contains("2001:db8::ffff:ffff:ffff:ffff")).isTrue();
        assertThat(CidrSet.of("2001:db8::/64").contains("2001:db8:0:1::")).isFalse();
        assertThat(CidrSet.of("2001:db8::/65").contains("2001:db8::7fff:ffff:ffff:ffff")).isTrue();
        assertThat(CidrSet.of("2001:db8::/65").contains("2001:db8::8000:0:0:0")).isFalse();
        assertThat(CidrSet.of("10.1.2.3/8").contains("10.200.0.1")).isTrue();
    }

    @Test
    void addressesAreCheckedAsInetAddressesToo() throws Exception {
        assertThat(CidrSet.of("127.0.0.0/8").contains(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))).isTrue();
    }

    @Test
    void nonAddressesAreNeverContainedAndNeverResolved() {
        CidrSet all = CidrSet.of("0.0.0.0/0", "::/0");
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains("example.com")).isFalse();
        assertThat(all.contains("")).isFalse();
        assertThat(all.contains((String) null)).isFalse();
        assertThat(CidrSet.EMPTY.contains("127.0.0.1")).isFalse();
        assertThat(CidrSet.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void invalidEntriesFailAtConstructionNamingTheValue() {
        for (String bad : List.of("10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "localhost",
                "example.com/24", "10.0.0", "1.2.3.4.5", "", "10.0.0.0/a", "fe80::1%eth0/64")) {
            assertThatThrownBy(() -> CidrSet.of("127.0.0.1", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void entriesAreKeptTrimmedForDisplay() {
        assertThat(CidrSet.of(" 10.0.0.0/8 ", "::1").cidrs()).containsExactly("10.0.0.0/8", "::1");
    }
}
