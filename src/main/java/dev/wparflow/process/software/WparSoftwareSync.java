package dev.wparflow.process.software;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.wparflow.aix.AixGateway;
import dev.wparflow.aix.AixHost;
import dev.wparflow.aix.AixResult;
import dev.wparflow.aix.FilesetName;
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
 * {@code inuwpar -d SOURCE -w NAME installp -acgXY FILESET…} for the filesets it has behind (IBM reference: inuwpar),
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
            List<FilesetName> behind = behind(host, name, info.get(), global);
            commands.add(Software.inuwpar(name, source, behind).commandLine());
            Software.SyncResult r = host.inuwpar(name, source, behind);
            error = r.succeeded() ? null : "inuwpar for " + wpar + " failed" + failedFilesets(r) + ": " + r.message();
        }
        return verify(host, lpar, name, kind, global, commands, error);
    }

    /** The global filesets a detached WPAR has at another level (all of them when its levels cannot be read). */
    private static List<FilesetName> behind(AixHost host, WparName name, WparInfo info, SoftwareLevels global) {
        if (info.state() == WparState.ACTIVE) {
            AixResult<SoftwareLevels> now = host.wparSoftware(name);
            if (now.isOk()) {
                return now.value().driftFrom(global).stream().filter(d -> d.globalLevel() != null)
                        .map(d -> FilesetName.of(d.fileset())).toList();
            }
        }
        return global.usr().keySet().stream().map(FilesetName::of).toList();
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
