package dev.wparflow.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksKnownSecretShapes() {
        Redactor r = new Redactor();
        assertThat(r.redact("mkauthkeys -a --ip hmc01 -u hscroot --passwd 'abc def'"))
                .isEqualTo("mkauthkeys -a --ip hmc01 -u hscroot --passwd ****");
        assertThat(r.redact("chhmcusr -u x -t passwd -v x password=Geheim1 next"))
                .isEqualTo("chhmcusr -u x -t passwd -v x password=**** next");
        assertThat(r.redact("sshpass -p topsecret ssh host")).isEqualTo("sshpass -p **** ssh host");
        assertThat(r.redact("curl --token=abc123 x")).isEqualTo("curl --token=**** x");
    }

    @Test
    void leavesOrdinaryDashPAlone() {
        Redactor r = new Redactor();
        assertThat(r.redact("mkdir -p /wpars/w1 && ssh -p 2222 h")).isEqualTo("mkdir -p /wpars/w1 && ssh -p 2222 h");
    }

    @Test
    void registeredSecretsAndExtraPatterns() {
        Redactor r = new Redactor(List.of("-K\\s+(\\S+)"));
        r.registerSecret("hunter22");
        r.registerSecret("abc"); // too short to register
        assertThat(r.redact("echo hunter22; tool -K k3y abc")).isEqualTo("echo ****; tool -K **** abc");
    }
}
