package org.tornadojava.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The network arithmetic behind IP whitelists and trusted proxies. */
class CidrSetTest {
    @Test
    void ipv4NetworksContainTheirAddressesOnly() {
        CidrSet set = CidrSet.parse(List.of("10.0.0.0/8", "192.168.1.0/24", "203.0.113.7"));
        assertThat(set.contains("10.255.1.2")).isTrue();
        assertThat(set.contains("11.0.0.1")).isFalse();
        assertThat(set.contains("192.168.1.254")).isTrue();
        assertThat(set.contains("192.168.2.1")).isFalse();
        assertThat(set.contains("203.0.113.7")).isTrue();
        assertThat(set.contains("203.0.113.8")).isFalse();
    }

    @Test
    void ipv6NetworksContainTheirAddressesOnly() {
        CidrSet set = CidrSet.parse(List.of("2001:db8::/32", "::1/128", "fe80::/10", "2001:db8:1:2:3:4:5:0/127"));
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
    void ipv4MappedAddressesMatchTheirIpv4Form() {
        assertThat(CidrSet.parse("127.0.0.0/8").contains("::ffff:127.0.0.1")).isTrue();
        assertThat(CidrSet.parse("::ffff:10.0.0.0/104").contains("10.1.2.3")).isTrue();
        assertThat(CidrSet.parse("::ffff:10.0.0.0/104").contains("11.1.2.3")).isFalse();
        assertThat(CidrSet.parse("0.0.0.0/0").contains("2001:db8::1")).isFalse();
    }

    @Test
    void prefixEdgesAreExact() {
        assertThat(CidrSet.parse("10.0.0.0/31").contains("10.0.0.1")).isTrue();
        assertThat(CidrSet.parse("10.0.0.0/31").contains("10.0.0.2")).isFalse();
        assertThat(CidrSet.parse("2001:db8::/64").contains("2001:db8::ffff:ffff:ffff:ffff")).isTrue();
        assertThat(CidrSet.parse("2001:db8::/64").contains("2001:db8:0:1::")).isFalse();
        assertThat(CidrSet.parse("2001:db8::/65").contains("2001:db8::7fff:ffff:ffff:ffff")).isTrue();
        assertThat(CidrSet.parse("2001:db8::/65").contains("2001:db8::8000:0:0:0")).isFalse();
        assertThat(CidrSet.parse("10.1.2.3/8").contains("10.200.0.1")).isTrue();
    }

    @Test
    void hostNamesAreNeverContainedAndNeverResolved() {
        CidrSet all = CidrSet.parse("0.0.0.0/0, ::/0");
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains("example.com")).isFalse();
        assertThat(all.contains("")).isFalse();
        assertThat(CidrSet.empty().contains("127.0.0.1")).isFalse();
        assertThat(CidrSet.empty().isEmpty()).isTrue();
    }

    @Test
    void invalidEntriesFailAtConstructionNamingTheValue() {
        for (String bad : List.of("10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "localhost",
                "example.com/24", "10.0.0", "1.2.3.4.5", "10.0.0.0/a")) {
            assertThatThrownBy(() -> CidrSet.parse(List.of("127.0.0.1", bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }
}
