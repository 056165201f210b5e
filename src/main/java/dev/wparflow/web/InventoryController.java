package dev.wparflow.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.aix.WparState;
import dev.wparflow.inventory.InventoryRepository;
import dev.wparflow.inventory.LparProfile;
import dev.wparflow.inventory.ManagedSystemRecord;
import dev.wparflow.inventory.WparRecord;
import dev.wparflow.inventory.WparSoftwareRepository;
import dev.wparflow.inventory.WparSoftwareStatus;
import dev.wparflow.process.backup.BackupSettings;
import dev.wparflow.process.preflight.PreflightResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The discovered fleet (FleetDiscoveryProcess keeps it current): managed systems, LPARs, WPARs. */
@RestController
@RequestMapping("/api")
public class InventoryController {

    private final InventoryRepository inventory;
    private final PreflightResults preflight;
    private final ObjectProvider<BackupSettings> backup;
    private final WparSoftwareRepository software;

    public InventoryController(InventoryRepository inventory, PreflightResults preflight,
            ObjectProvider<BackupSettings> backup, WparSoftwareRepository software) {
        this.inventory = inventory;
        this.preflight = preflight;
        this.backup = backup;
        this.software = software;
    }

    /**
     * A WPAR as discovered, with its software levels against its global environment's: {@code softwareInSync} true,
     * false (the {@code driftingFilesets} differ: syncwpar or inuwpar needed) or null (not checked: not Active at the
     * last discovery, or never measured; {@code softwareNote} says why), when they were measured.
     */
    public record WparView(@JsonUnwrapped WparRecord wpar, Boolean softwareInSync,
            List<WparSoftwareStatus.Drifting> driftingFilesets, Instant softwareCheckedAt, String softwareNote) {

        static WparView of(WparRecord w, WparSoftwareStatus s) {
            if (s == null) {
                return new WparView(w, null, List.of(), null, "APPLICATION".equals(w.type()) ? null
                        : "not checked: no discovery has measured its software levels yet");
            }
            return new WparView(w, s.inSync(), s.drifting(), s.checkedAt(), s.note());
        }
    }

    /** An LPAR's profile with its last preflight: {@code preflightFailed} marks a host whose last preflight failed. */
    public record LparView(@JsonUnwrapped LparProfile profile, boolean preflightFailed, Preflight preflight) {
    }

    /** The last preflight of a host (null: never preflighted): passed or not, when, in which run, the first failure. */
    public record Preflight(boolean passed, Instant checkedAt, String runId, String failure) {

        static Preflight of(PreflightResults.HostResult r) {
            return r == null ? null : new Preflight(r.passed(), r.checkedAt(), r.runId(), r.firstFailure());
        }
    }

    private LparView view(LparProfile p, PreflightResults.HostResult last) {
        return new LparView(p, last != null && !last.passed(), Preflight.of(last));
    }

    @GetMapping("/systems")
    @Operation(summary = "Managed systems as their HMCs last reported them (lastError: the last failed attempt)")
    public List<ManagedSystemRecord> systems() {
        return inventory.systems();
    }

    @GetMapping("/lpars")
    @Operation(summary = "LPARs: HMC state, OS level, processor, memory, NTP, filesets of interest, volume groups,"
            + " WPAR count; lastError when the last discovery could not reach the host; preflightFailed when its last"
            + " preflight failed (preflight: the last one)")
    public List<LparView> lpars() {
        Map<String, PreflightResults.HostResult> last = preflight.latest().stream()
                .collect(Collectors.toMap(PreflightResults.HostResult::host, Function.identity()));
        return inventory.lpars().stream().map(p -> view(p, last.get(p.name()))).toList();
    }

    @GetMapping("/lpars/{name}")
    @Operation(summary = "One LPAR's profile (what compatibility checks read)")
    public LparView lpar(@PathVariable String name) {
        return inventory.lpar(name).map(p -> view(p, preflight.latest(name).orElse(null))).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no LPAR " + name + " has been discovered"));
    }

    @GetMapping("/wpars")
    @Operation(summary = "WPARs of the fleet, optionally of one host, in one state and/or on the hosts of one group;"
            + " softwareInSync: its fileset levels against its global environment's (null: not checked),"
            + " driftingFilesets: those that differ")
    public List<WparView> wpars(
            @Parameter(description = "LPAR name, e.g. lpar00") @RequestParam(required = false) String host,
            @Parameter(description = "state: letter (A), word (Active) or name (ACTIVE)")
            @RequestParam(required = false) String state,
            @Parameter(description = "WPAR name: where is it?") @RequestParam(required = false) String name,
            @Parameter(description = "host group of wparflow.backup.groups: WPARs of its hosts")
            @RequestParam(required = false) String group,
            @Parameter(description = "true: only WPARs out of sync with their global environment; false: only those"
                    + " in sync") @RequestParam(required = false) Boolean softwareInSync) {
        Map<String, WparSoftwareStatus> levels = software.all();
        return records(host, state, name, group).stream()
                .map(w -> WparView.of(w, levels.get(w.lpar() + "/" + w.name())))
                .filter(v -> softwareInSync == null || softwareInSync.equals(v.softwareInSync())).toList();
    }

    private List<WparRecord> records(String host, String state, String name, String group) {
        if (group != null && !group.isBlank()) {
            List<String> hosts = groupHosts(group.strip());
            return records(host, state, name, null).stream().filter(w -> hosts.contains(w.lpar())).toList();
        }
        if (name != null && !name.isBlank()) {
            return inventory.findWpar(name).stream().filter(w -> host == null || w.lpar().equals(host))
                    .filter(w -> state == null || w.state().equals(stateName(state))).toList();
        }
        return inventory.wpars(blankToNull(host), state == null || state.isBlank() ? null : stateName(state));
    }

    private List<String> groupHosts(String group) {
        Map<String, List<String>> groups = backup.getIfAvailable() == null ? Map.of() : backup.getIfAvailable().groups();
        List<String> hosts = groups.get(group);
        if (hosts == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "group: no host group '" + group
                    + "' in wparflow.backup.groups " + groups.keySet());
        }
        return hosts;
    }

    static String stateName(String s) {
        WparState st = WparState.parse(s);
        if (st == WparState.UNKNOWN) {
            try {
                st = WparState.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown WPAR state '" + s
                        + "': use a letter (D A B T P F L M N), a word (Active) or a name (ACTIVE)");
            }
        }
        return st.name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
