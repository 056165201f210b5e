package dev.wparflow.web;

import java.util.List;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The discovered fleet (FleetDiscoveryProcess keeps it current): managed systems, LPARs, WPARs. */
@RestController
@RequestMapping("/api")
public class InventoryController {

    private final InventoryRepository inventory;

    public InventoryController(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/systems")
    @Operation(summary = "Managed systems as their HMCs last reported them (lastError: the last failed attempt)")
    public List<ManagedSystemRecord> systems() {
        return inventory.systems();
    }

    @GetMapping("/lpars")
    @Operation(summary = "LPARs: HMC state, OS level, processor, memory, NTP, filesets of interest, volume groups,"
            + " WPAR count; lastError when the last discovery could not reach the host")
    public List<LparProfile> lpars() {
        return inventory.lpars();
    }

    @GetMapping("/lpars/{name}")
    @Operation(summary = "One LPAR's profile (what compatibility checks read)")
    public LparProfile lpar(@PathVariable String name) {
        return inventory.lpar(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no LPAR " + name + " has been discovered"));
    }

    @GetMapping("/wpars")
    @Operation(summary = "WPARs of the fleet, optionally of one host and/or in one state")
    public List<WparRecord> wpars(
            @Parameter(description = "LPAR name, e.g. lpar00") @RequestParam(required = false) String host,
            @Parameter(description = "state: letter (A), word (Active) or name (ACTIVE)")
            @RequestParam(required = false) String state,
            @Parameter(description = "WPAR name: where is it?") @RequestParam(required = false) String name) {
        if (name != null && !name.isBlank()) {
            return inventory.findWpar(name).stream().filter(w -> host == null || w.lpar().equals(host))
                    .filter(w -> state == null || w.state().equals(stateName(state))).toList();
        }
        return inventory.wpars(blankToNull(host), state == null || state.isBlank() ? null : stateName(state));
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
