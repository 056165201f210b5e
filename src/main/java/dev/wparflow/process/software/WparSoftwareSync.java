package dev.wparflow.process.software;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.FilesetLevel;
import dev.wparflow.aix.Origin;
import dev.wparflow.aix.Software;
import dev.wparflow.aix.SoftwareLevels;
import dev.wparflow.aix.SoftwareSource;
import dev.wparflow.aix.WparInfo;
import dev.wparflow.aix.WparName;
import dev.wparflow.aix.WparState;
import dev.wparflow.aix.WparType;

/**
 * Brings ONE WPAR of an LPAR to its global environment's software levels and verifies it: a shared system WPAR with
 * {@code syncwpar NAME} (which runs syncroot in it: Redbook Example 4-18), a detached one with
 * {@code inuwpar -d SOURCE -w NAME installp -acXY FILESET LEVEL…}: exactly the filesets it has behind, each at the
 * global environment's level (IBM reference: inuwpar, installp), after a preview shows the source holds those levels;
 * then its levels read again through {@code clogin NAME lslpp -l}. No retries here: the calling model retries the
 * step. A command that fails is a result with the AIX message, not an exception; a transport failure propagates.
 */
@Service
public class WparSoftwareSync {

    private final AixGateway aix;

    public WparSoftwareSync(AixGateway aix) {
        this.aix = aix;
    }

    /**
     * Syncs {@code wpar} on {@code lpar}. {@code source} is where a detached WPAR gets the global levels from; a shared
     * WPAR does not need one (null is fine). A detached WPAR without a source is not changed: the result says so.
     */
    public WparSyncResult sync(String lpar, String wpar, SoftwareSource source, Origin origin) {
        AixHost host = aix.on(lpar, origin);
        WparName name = WparName.of(wpar);
        List<String> commands = new ArrayList<>();
        Optional<WparInfo> info = host.wpar(name, SoftwareDrift.FIELDS);
        if (info.isEmpty()) {
            return new WparSyncResult(lpar, wpar, null, commands, Map.of(), null, List.of(),
                    "workload partition " + wpar + " is not on " + lpar);
        }
        if (info.get().type() == WparType.APPLICATION) {
            return new WparSyncResult(lpar, wpar, null, commands, Map.of(), null, List.of(),
                    wpar + " is an application WPAR: it runs on the global environment's software");
        }
        WparKind kind = WparKind.ofPrivateUsr(info.get().fields().get("privateusr"));
        SoftwareLevels global = host.globalSoftware();
        String error;
        if (kind == WparKind.SHARED) {
            commands.add(Software.syncwpar(name).commandLine());
            Software.SyncResult r = host.syncWpar(name);
            error = r.succeeded() ? null : "syncwpar " + wpar + " failed" + failedFilesets(r) + ": " + r.message();
        } else if (source == null) {
            return new WparSyncResult(lpar, wpar, kind, commands, Map.of(), null, List.of(),
                    wpar + " is a detached WPAR (private /usr): inuwpar needs a software source to install from");
        } else {
            return syncDetached(host, lpar, name, info.get(), source, global, commands);
        }
        return verify(host, lpar, name, kind, global, commands, error);
    }

    /**
     * A detached WPAR: its levels read first (it must be Active: clogin), then exactly the filesets that differ
     * installed at the global environment's levels. Nothing is installed blind: levels that cannot be read are "not
     * checked", a fileset the WPAR has newer than the global environment (installp does not go down a level) or a
     * global level the source does not hold (installp would take another level, possibly past the global
     * environment's) is refused with the reason before anything changes.
     */
    private static WparSyncResult syncDetached(AixHost host, String lpar, WparName name, WparInfo info,
                                               SoftwareSource source, SoftwareLevels global, List<String> commands) {
        String wpar = name.value();
        if (info.state() != WparState.ACTIVE) {
            String state = info.state() == null ? "unknown" : info.state().word();
            return unsynced(lpar, wpar, commands, "not checked: " + wpar + " is " + state + "; a detached WPAR's"
                    + " levels can be read through clogin only while it is Active, and inuwpar is not run without"
                    + " them: nothing installed");
        }
        commands.add(Software.lslppInside(name).commandLine());
        AixResult<SoftwareLevels> now = host.wparSoftware(name);
        if (!now.isOk()) {
            return unsynced(lpar, wpar, commands, "not checked: " + now.failure().message()
                    + "; inuwpar is not run without " + wpar + "'s levels: nothing installed");
        }
        List<SoftwareLevels.Drift> drift = now.value().driftFrom(global).stream()
                .filter(d -> d.globalLevel() != null).toList();
        List<String> ahead = drift.stream().filter(d -> !d.behind())
                .map(d -> d.fileset() + " " + d.wparLevel() + " (global " + d.globalLevel() + ")").toList();
        if (!ahead.isEmpty()) {
            return unsynced(lpar, wpar, commands, wpar + " has filesets newer than the global environment: "
                    + String.join(", ", ahead) + "; installp does not install a lower level: nothing installed");
        }
        List<FilesetLevel> wanted = drift.stream().map(d -> FilesetLevel.of(d.fileset(), d.globalLevel())).toList();
        String error = null;
        if (!wanted.isEmpty()) {
            commands.add(Software.inuwparPreview(name, source, wanted).commandLine());
            Software.InstallPlan plan = host.inuwparPreview(name, source, wanted);
            if (plan.failure() != null) {
                return unsynced(lpar, wpar, commands, "inuwpar preview for " + wpar + " failed: " + plan.failure());
            }
            if (!plan.missing().isEmpty()) {
                return unsynced(lpar, wpar, commands, source.value() + " does not hold the global environment's level of "
                        + String.join(", ", plan.missing()) + "; inuwpar installs only the global levels into " + wpar
                        + " (a newer level would take it past its global environment): nothing installed");
            }
            commands.add(Software.inuwparAtLevels(name, source, wanted).commandLine());
            Software.SyncResult r = host.inuwparAtLevels(name, source, wanted);
            error = r.succeeded() ? null : "inuwpar for " + wpar + " failed" + failedFilesets(r) + ": " + r.message();
        }
        return verify(host, lpar, name, WparKind.DETACHED, global, commands, error);
    }

    private static WparSyncResult unsynced(String lpar, String wpar, List<String> commands, String error) {
        return new WparSyncResult(lpar, wpar, WparKind.DETACHED, commands, Map.of(), null, List.of(), error);
    }

    private static WparSyncResult verify(AixHost host, String lpar, WparName name, WparKind kind,
                                         SoftwareLevels global, List<String> commands, String error) {
        Optional<WparInfo> now = host.wpar(name, SoftwareDrift.FIELDS);
        if (now.isEmpty() || now.get().state() != WparState.ACTIVE) {
            String state = now.map(w -> w.state().word()).orElse("gone");
            return new WparSyncResult(lpar, name.value(), kind, commands, Map.of(), null, List.of(),
                    error != null ? error : "not checked: " + name.value() + " is " + state
                            + "; its levels can be read through clogin only while it is Active");
        }
        commands.add(Software.lslppInside(name).commandLine());
        AixResult<SoftwareLevels> after = host.wparSoftware(name);
        if (!after.isOk()) {
            return new WparSyncResult(lpar, name.value(), kind, commands, Map.of(), null, List.of(),
                    error != null ? error : "not checked: " + after.failure().message());
        }
        List<FilesetDrift> left = after.value().driftFrom(global).stream().map(FilesetDrift::of).toList();
        String err = error != null ? error
                : left.isEmpty() ? null : left.size() + " fileset(s) still differ from the global environment: "
                        + String.join(", ", left.stream().map(FilesetDrift::fileset).toList());
        return new WparSyncResult(lpar, name.value(), kind, commands, SoftwareDrift.own(after.value()),
                left.isEmpty(), left, err);
    }

    private static String failedFilesets(Software.SyncResult r) {
        return r.failedFilesets().isEmpty() ? "" : " for " + String.join(", ", r.failedFilesets());
    }
}
