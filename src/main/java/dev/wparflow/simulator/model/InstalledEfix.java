package dev.wparflow.simulator.model;

import java.util.List;

/** An interim fix installed by {@code emgr -e}: its label, abstract, the filesets it locks, when, and its state. */
public record InstalledEfix(String label, String summary, List<String> filesets, String installed, String state) {
    public InstalledEfix {
        filesets = List.copyOf(filesets);
    }
}
