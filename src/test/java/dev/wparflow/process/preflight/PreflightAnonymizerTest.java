package dev.wparflow.process.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Redbook fleet's names, addresses and serials in outputs as the simulator and IBM's references print them. */
class PreflightAnonymizerTest {

    static final PreflightAnonymizer.Hidden REDBOOK = PreflightAnonymizer.Hidden.none()
            .withHosts(List.of("lpar00", "lpar01", "lpar02", "lpar03", "hmc01", "nim01"))
            .withWpars(List.of("wpr00", "wpr03"))
            .withManagedSystems(List.of("sys570a"))
            .withSerials(List.of("0610A9C"))
            .withUsers(List.of("wpadmin", "hscroot"))
            .withAddresses(List.of("9.3.5.127", "9.3.5.121"));

    @Test
    void namesAreReplacedWholeAndTheSameWayEverywhere() {
        PreflightAnonymizer a = new PreflightAnonymizer(REDBOOK);
        assertThat(a.anonymize("lpar00 lpar01 LPAR00 lpar001 xlpar00 /backup/lpar00-wpr00.save wpr00:D:S:wpr00:/wpars/wpr00"))
                .isEqualTo("host-1 host-2 host-1 lpar001 xlpar00 /backup/host-1-wpar-1.save wpar-1:D:S:wpar-1:/wpars/wpar-1");
        assertThat(a.anonymize("sys570a,Operating,9117-MMA,0610A9C")).isEqualTo("system-1,Operating,9117-MMA,serial-1");
        assertThat(a.anonymize("login wpadmin; hscroot@hmc01")).isEqualTo("login user-1; user-2@host-5");
        // a DNS domain goes with its host, a file suffix stays
        assertThat(a.anonymize("lpar03.austin.ibm.com wpr03.save")).isEqualTo("host-4 wpar-2.save");
        assertThat(a.host("lpar02")).isEqualTo("host-3");
    }

    @Test
    void addressesGivenOrFoundBecomeDocumentationAddresses() {
        PreflightAnonymizer a = new PreflightAnonymizer(REDBOOK);
        // the given ones first, in inventory order; then each new one as it is met
        assertThat(a.anonymize("wpr03  en0  9.3.5.185  255.255.254.0  9.3.5.255\nlpar00 9.3.5.127 and 9.3.5.185"))
                .isEqualTo("wpar-2  en0  192.0.2.3  255.255.254.0  192.0.2.4\nhost-1 192.0.2.1 and 192.0.2.3");
        assertThat(a.anonymize("inet6 fe80::1:2ff:fe3c:4d5e%2/64 and 2001:0db8:85a3:0000:0000:8a2e:0370:7334"))
                .isEqualTo("inet6 2001:db8::1%2/64 and 2001:db8::2");
        // not addresses: times, colon-delimited output, netmasks, loopback
        assertThat(a.anonymize("Wed Jun 18 15:28:20 CDT 2008\nwpr00:D:S::1:root:::no\nmask 255.255.254.0 lo 127.0.0.1"))
                .isEqualTo("Wed Jun 18 15:28:20 CDT 2008\nwpar-1:D:S::1:root:::no\nmask 255.255.254.0 lo 127.0.0.1");
    }

    @Test
    void filesetLevelsStayButAnAddressAfterAHostNameDoesNot() {
        PreflightAnonymizer a = new PreflightAnonymizer(REDBOOK);
        String lslpp = """
                  bos.rte                   6.1.2.1    C     F    Base Operating System Runtime
                  bos.wpars                 6.1.2.1  COMMITTED  AIX Workload Partitions
                bos:bos.rte.libc:6.1.2.1: : :C:F:libc Library: : : : : : :0:0:/:0847
                """;
        assertThat(a.anonymize(lslpp)).isEqualTo(lslpp);
        assertThat(a.anonymize("nfsserv.acme.example 9.3.5.200 C\nlpar02.acme.com 9.3.5.201 C"))
                .isEqualTo("nfsserv.acme.example 192.0.2.3 C\nhost-3 192.0.2.4 C");
    }

    @Test
    void serialsFoundInTheirUsualPlacesAreHiddenToo() {
        PreflightAnonymizer a = new PreflightAnonymizer(PreflightAnonymizer.Hidden.none());
        assertThat(a.anonymize("""
                System Model: IBM,9117-MMA
                Machine Serial Number: 10ABCDE
                systemid IBM,0265E4F2A Hardware system identifier False
                9119-FHA*02ABCDE and 9119-FHA,02ABCDE
                AIX lpar9 1 6 00C4D5E64C00
                """)).isEqualTo("""
                System Model: IBM,9117-MMA
                Machine Serial Number: serial-1
                systemid IBM,02serial-2 Hardware system identifier False
                9119-FHA*serial-3 and 9119-FHA,serial-3
                AIX lpar9 1 6 serial-4
                """);
        // a serial given is found inside a longer token as well
        PreflightAnonymizer b = new PreflightAnonymizer(REDBOOK);
        assertThat(b.anonymize("AIX lpar00 1 6 0610A9C4C00 IBM,020610A9C")).isEqualTo("AIX host-1 1 6 serial-14C00 IBM,02serial-1");
    }

    @Test
    void anInventoryOfFqdnsHidesTheShortNamesAndTheSiteDomain() {
        PreflightAnonymizer a = new PreflightAnonymizer(PreflightAnonymizer.Hidden.none()
                .withHosts(List.of("lpar00.bank.example.org", "lpar01.bank.example.org")));
        assertThat(a.anonymize("lpar00.bank.example.org lpar00 LPAR01 nfs01.bank.example.org /wpars/lpar00"))
                .isEqualTo("host-1 host-1 host-2 nfs01.domain-1.example /wpars/host-1");
        assertThat(a.host("lpar01")).isEqualTo("host-2");
    }

    @Test
    void ipv6RecognitionIsStrict() {
        assertThat(PreflightAnonymizer.isIpv6("fe80::1")).isTrue();
        assertThat(PreflightAnonymizer.isIpv6("::1")).isTrue();
        assertThat(PreflightAnonymizer.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
        assertThat(PreflightAnonymizer.isIpv6("15:28:20")).isFalse();
        assertThat(PreflightAnonymizer.isIpv6("::")).isFalse();
        assertThat(PreflightAnonymizer.isIpv6("1::2::3")).isFalse();
        assertThat(PreflightAnonymizer.isIpv6("1:::2")).isFalse();
    }
}
