package dev.wparflow.process.software;

import dev.wparflow.aix.SoftwareLevels;

/**
 * One fileset whose level in a WPAR is not its global environment's: the global level (null: the global environment
 * no longer has it), the WPAR's (null: the WPAR lacks it) and the part that differs (USR or ROOT).
 */
public record FilesetDrift(String fileset, String globalLevel, String wparLevel, String part) {

    static FilesetDrift of(SoftwareLevels.Drift d) {
        return new FilesetDrift(d.fileset(), d.globalLevel(), d.wparLevel(), d.part().name());
    }
}
