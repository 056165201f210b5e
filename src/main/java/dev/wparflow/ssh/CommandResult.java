package dev.wparflow.ssh;

import java.time.Duration;

/**
 * What one remote command did. A non-zero exit status is data, not an exception: the aix layer
 * interprets it (message ids such as 0960-246). {@code command} is the command line as sent, with
 * secrets redacted.
 */
public record CommandResult(String host, String command, int exitStatus, String stdout, String stderr,
        Duration duration) {

    public boolean succeeded() {
        return exitStatus == 0;
    }
}
