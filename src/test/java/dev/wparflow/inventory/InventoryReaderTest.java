package dev.wparflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wparflow.hmc.HmcPair;
import dev.wparflow.ssh.SshEndpoint;

class InventoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void theExampleFileIsValid() {
        Inventory inv = InventoryReader.read(Path.of("deploy/inventory.example.yaml"));
        assertThat(inv.managedSystems()).extracting(Inventory.ManagedSystem::name)
                .containsExactly("p10-ms01", "p10-ms02", "sys570b");
        assertThat(inv.managedSystem("p10-ms01").orElseThrow().hmcs()).containsExactly("hmc01", "hmc02");
        assertThat(inv.hmc("hmc01").orElseThrow().endpoint())
                .isEqualTo(new SshEndpoint("hmc01", "hmc01.example.com", 22, "hscroot"));
        assertThat(inv.lpar("sydney").orElseThrow().endpoint())
                .isEqualTo(new SshEndpoint("sydney", "10.9.63.10", 22, "wparadm"));
        assertThat(inv.lpar("lpar01").orElseThrow().managedSystem()).isEqualTo("p10-ms02");
        assertThat(inv.nimMasters()).singleElement().satisfies(n -> assertThat(n.endpoint())
                .isEqualTo(new SshEndpoint("nim01", "nim01.example.com", 22, "root")));
        assertThat(inv.nfsServers().get(0).exports()).extracting(Inventory.Export::path)
                .containsExactly("/images", "/wpar_share");
        assertThat(inv.imageRepository()).isEqualTo(new Inventory.ImageRepository("lpar02", "/images", "/images"));
        assertThat(inv.endpoints()).containsOnlyKeys("lpar00", "lpar01", "lpar02", "nim01", "sydney", "hmc01", "hmc02",
                "hmca01");
        assertThat(inv.lparsOf("p10-ms01")).extracting(Inventory.Lpar::name).containsExactly("lpar00", "lpar02", "nim01");
    }

    @Test
    void emptyFileIsAnEmptyInventory() {
        assertThat(InventoryReader.parse("t", "")).isEqualTo(Inventory.EMPTY);
    }

    static String bad(String yaml) {
        try {
            InventoryReader.parse("bad.yaml", yaml);
        } catch (InventoryException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void badFilesAreRefusedWithWhereAndWhy() {
        assertThat(bad("lpars: [{name: 'lpar 00', host: h}]"))
                .startsWith("inventory bad.yaml: lpars[0] (lpar 00): name: lparName");
        assertThat(bad("lpars: [{name: lpar00, host: 'h;rm -rf /'}]")).contains("lpars[0] (lpar00): host:");
        assertThat(bad("lpars: [{name: lpar00, port: 70000}]")).contains("port 70000 is out of range");
        assertThat(bad("lpars: [{name: lpar00, port: ssh}]")).contains("port 'ssh' is not a number");
        assertThat(bad("lpars: [{host: x}]")).contains("lpars[0]: name is missing");
        assertThat(bad("lpars: [{name: lpar00, managed-system: nowhere}]"))
                .contains("managed-system nowhere is not among managed-systems");
        assertThat(bad("lpars: [{name: lpar00, hots: x}]")).contains("unknown key 'hots'");
        assertThat(bad("lpar: []")).contains("lpar: unknown key");
        assertThat(bad("lpars: [{name: a}, {name: a}]")).contains("name a appears more than once");
        assertThat(bad("lpars: [{name: a, user: 'r oot'}]")).contains("user 'r oot' is not a valid user name");
        assertThat(bad("managed-systems: [{name: ms1, hmcs: [h1, h2, h3]}]\nhmcs: [{name: h1}]"))
                .contains("hmcs must list one or two HMCs");
        assertThat(bad("managed-systems: [{name: ms1, hmcs: [h1]}]")).contains("HMC h1 is not among hmcs");
        assertThat(bad("managed-systems: [{name: 'ms 1', hmcs: [h1]}]")).contains("managedSystem");
        assertThat(bad("hmcs: [{name: h1}]\nlpars: [{name: h1}]")).contains("name h1 appears more than once");
        assertThat(bad("nfs-servers: [{name: s, exports: [{path: images}]}]")).contains("path:");
        assertThat(bad("image-repository: {server: s, export: /images}")).contains("server s is not among nfs-servers");
        assertThat(bad("nfs-servers: [{name: s, exports: [{path: /x}]}]\nimage-repository: {server: s, export: /images}"))
                .contains("nfs server s does not export /images");
        assertThat(bad("lpars: {name: x}")).contains("lpars: must be a list");
        assertThat(bad("- a\n- b")).contains("top level must be a mapping");
        assertThat(bad("lpars: [{name: x")).contains("is not valid YAML");
    }

    @Test
    void inlinePropertiesAsSpringBindsThem() {
        // Spring binds wparflow.inventory.lpars[0].port=2201 as strings; a pair of HMCs as "hmc01,hmc02"
        Inventory inv = InventoryReader.fromMap("inline", Map.of(
                "managed-systems", List.of(Map.of("name", "ms1", "hmcs", "hmc01,hmc02")),
                "hmcs", Map.of("0", Map.of("name", "hmc01", "port", "2301"), "1", Map.of("name", "hmc02")),
                "lpars", List.of(Map.of("name", "lpar00", "host", "127.0.0.1", "port", "2201", "managed-system", "ms1"))));
        assertThat(inv.managedSystem("ms1").orElseThrow().hmcs()).containsExactly("hmc01", "hmc02");
        assertThat(inv.hmc("hmc01").orElseThrow().port()).isEqualTo(2301);
        assertThat(inv.lpar("lpar00").orElseThrow().endpoint())
                .isEqualTo(new SshEndpoint("lpar00", "127.0.0.1", 2201, "root"));
    }

    @Test
    void fleetInventoryResolvesReloadsAndKeepsTheLastGoodFile() throws IOException {
        Path f = dir.resolve("inventory.yaml");
        InventoryProperties p = new InventoryProperties();
        p.setFile(f.toString());
        p.setCheckInterval(Duration.ZERO);
        FleetInventory fleet = new FleetInventory(p); // the file does not exist yet: empty until it appears
        assertThat(fleet.names()).isEmpty();
        assertThat(fleet.find("lpar00")).isEmpty();

        Files.writeString(f, """
                managed-systems: [{name: ms1, hmcs: [hmc01, hmc02]}]
                hmcs: [{name: hmc01, host: 127.0.0.1, port: 2301}, {name: hmc02, host: 127.0.0.1, port: 2302}]
                lpars: [{name: lpar00, host: 127.0.0.1, port: 2201, managed-system: ms1}]
                """);
        assertThat(fleet.find("lpar00")).contains(new SshEndpoint("lpar00", "127.0.0.1", 2201, "root"));
        assertThat(fleet.find("hmc02")).contains(new SshEndpoint("hmc02", "127.0.0.1", 2302, "hscroot"));
        assertThat(fleet.forManagedSystem("ms1")).contains(new HmcPair("ms1", "hmc01", "hmc02"));
        assertThat(fleet.forManagedSystem("ms2")).isEmpty();

        // a new start of the simulator: other ports
        Files.writeString(f, "lpars: [{name: lpar00, host: 127.0.0.1, port: 40001}]\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertThat(fleet.find("lpar00")).contains(new SshEndpoint("lpar00", "127.0.0.1", 40001, "root"));
        assertThat(fleet.find("hmc01")).isEmpty();

        // a bad edit: refused, the previous content stays
        Files.writeString(f, "lpars: [{name: 'bad name'}]\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 4000));
        assertThat(fleet.find("lpar00")).contains(new SshEndpoint("lpar00", "127.0.0.1", 40001, "root"));
        assertThat(fleet.lastError()).contains("lpars[0] (bad name)");

        // a bad file at start stops the start
        assertThatThrownBy(() -> new FleetInventory(p)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("lpars[0] (bad name): name:");
    }
}
