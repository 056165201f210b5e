package dev.wparflow.simulator.model;

import java.util.List;
import java.util.Map;

/**
 * A software source a global environment can install from: a directory (an lpp_source or an update directory on the
 * image repository) with the fileset levels it offers, the {@code oslevel -s} an LPAR reaches once everything it offers
 * is applied (null: the level does not move), and the interim fixes ({@code emgr} packages) it holds.
 */
public record SoftwareSource(String path, String oslevel, Map<String, String> filesets, List<Efix> efixes) {

    public SoftwareSource {
        filesets = Map.copyOf(filesets);
        efixes = List.copyOf(efixes);
    }

    /** An interim fix package: its label, its file in the source directory, its abstract and the filesets it patches. */
    public record Efix(String label, String packageFile, String summary, List<String> filesets) {
        public Efix {
            filesets = List.copyOf(filesets);
        }
    }

    /** The efix whose package is {@code file} (a full path or a name in this directory), if this source holds it. */
    public java.util.Optional<Efix> efix(String file) {
        return efixes.stream().filter(e -> file.equals(path + "/" + e.packageFile()) || file.equals(e.packageFile()))
                .findFirst();
    }
}
