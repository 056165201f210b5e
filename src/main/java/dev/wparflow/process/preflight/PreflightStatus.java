package dev.wparflow.process.preflight;

/** What preflight found for one check on one host. */
public enum PreflightStatus {
    /** The command ran and its output parsed. */
    OK,
    /**
     * It ran and its output parsed, but it printed fields wparflow does not know (a later AIX level's): the host
     * passes, and the raw output goes into the bundle so the parsers can learn them.
     */
    UNKNOWN_FIELDS,
    /** The user may not run it (RBAC, sudo, file permissions). */
    NOT_PERMITTED,
    /** The command is not on the host (ksh: not found), or wparflow-run is missing or at another version. */
    NOT_INSTALLED,
    /** It ran, but the production parser does not understand its output. */
    UNKNOWN_FORMAT,
    /** The host's key is not in known_hosts, or differs from it. */
    HOST_KEY,
    /** The host refused the user's authentication. */
    AUTH_FAILED,
    /** No connection (refused, timed out). */
    UNREACHABLE,
    /** Any other failure of the command. */
    FAILED
}
