package dev.wparflow.process.planted;

import dev.wparflow.ssh.CommandResult;
import dev.wparflow.web.OperationController;

/** A planted violation for ArchitectureTest: process code reading SSH results and calling the web layer. */
public class ProcessStepThatSpeaksSsh {
    public int exitStatus(CommandResult result, OperationController web) {
        return result.exitStatus() + web.hashCode();
    }
}
