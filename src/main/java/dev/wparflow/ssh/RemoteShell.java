package dev.wparflow.ssh;

/**
 * Runs one command on a host named in the inventory. A non-zero exit status is returned as data;
 * technical failures throw {@link SshException}. The aix and hmc layers depend on this interface only,
 * so tests can replace it.
 */
public interface RemoteShell {

    CommandResult run(String endpointName, String command, CommandOptions options);

    default CommandResult run(String endpointName, String command) {
        return run(endpointName, command, CommandOptions.DEFAULT);
    }
}
