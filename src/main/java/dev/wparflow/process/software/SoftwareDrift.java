package dev.wparflow.process.software;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.LswparField;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.SoftwareLevels;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;

/**
 * Measures one LPAR's software: the global environment's levels ({@code lslpp -Lc}, {@code oslevel -s}) and, for each
 * system WPAR, its own levels through {@code clogin NAME lslpp -l} compared with them. A WPAR that is not Active cannot
 * be logged in to: it is "not checked" (inSync null), never "in sync" (DESIGN.md 9: facts are measured). Application
 * WPARs run on the global environment's software and are left out.
 */
@Service
public class SoftwareDrift {

    static final List<LswparField> FIELDS = List.of(LswparField.NAME, LswparField.STATE, LswparField.TYPE,
            LswparField.PRIVATEUSR);

    private final AixGateway aix;

    public SoftwareDrift(AixGateway aix) {
        this.aix = aix;
    }

    /** Every system WPAR of {@code lpar} measured against its global environment. */
    public LparSoftware measure(String lpar, Origin origin) {
        return measure(lpar, List.of(), origin);
    }

    /** The system WPARs of {@code lpar} named in {@code only} (all when empty) measured against the global environment. */
    public LparSoftware measure(String lpar, List<String> only, Origin origin) {
        AixHost host = aix.on(lpar, origin);
        SoftwareLevels global = host.globalSoftware();
        String oslevel = host.oslevel();
        List<LparSoftware.WparSoftware> wpars = new ArrayList<>();
        for (WparInfo w : host.wpars(FIELDS)) {
            if (w.type() == WparType.APPLICATION || (!only.isEmpty() && !only.contains(w.name()))) {
                continue;
            }
            wpars.add(measureWpar(host, w, global));
        }
        return new LparSoftware(lpar, oslevel, global.usr(), wpars);
    }

    static LparSoftware.WparSoftware measureWpar(AixHost host, WparInfo w, SoftwareLevels global) {
        WparKind kind = WparKind.ofPrivateUsr(w.fields().get(LswparField.PRIVATEUSR.fieldName()));
        String state = w.state() == null ? "" : w.state().word();
        if (w.state() != WparState.ACTIVE) {
            return new LparSoftware.WparSoftware(w.name(), kind, state, null, List.of(), Map.of(),
                    "not checked: " + w.name() + " is " + state + "; its levels can be read through clogin only"
                            + " while it is Active");
        }
        AixResult<SoftwareLevels> read = host.wparSoftware(WparName.of(w.name()));
        if (!read.isOk()) {
            return new LparSoftware.WparSoftware(w.name(), kind, state, null, List.of(), Map.of(),
                    "not checked: " + read.failure().message());
        }
        SoftwareLevels levels = read.value();
        List<FilesetDrift> drift = levels.driftFrom(global).stream().map(FilesetDrift::of).toList();
        return new LparSoftware.WparSoftware(w.name(), kind, state, drift.isEmpty(), drift, own(levels), null);
    }

    /** A WPAR's own level per fileset: its root part's, else its usr part's. */
    static Map<String, String> own(SoftwareLevels levels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : levels.filesets()) {
            m.put(f, levels.level(f));
        }
        return m;
    }
}
