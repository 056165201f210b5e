package dev.wparflow.process.preflight;

/** What an administrator does about a finding, by its status (docs/preflight.md lists them). */
final class PreflightAdvice {

    private PreflightAdvice() {
    }

    static String of(PreflightStatus status, String check) {
        return switch (status) {
            case OK -> "";
            case HOST_KEY -> "Compare the host's key with the one in wparflow's known_hosts (ssh-keyscan on a trusted"
                    + " network, or the key the host's administrator reads with ssh-keygen -l); if the host was"
                    + " reinstalled, replace its line in known_hosts, else find out who answers in its place.";
            case AUTH_FAILED -> "Install wparflow's public key in the user's authorized_keys on the host (or the key"
                    + " the agent offers), and check the user named in the inventory.";
            case UNREACHABLE -> "Check that the host is up, that its sshd listens on the inventory's port and that"
                    + " no firewall stands between wparflow and the host.";
            case NOT_INSTALLED -> check.startsWith("wparflow-run")
                    ? "Install deploy/aix/wparflow-run on the host's PATH as docs/aix-helper.md says, at the version"
                            + " this wparflow ships."
                    : "Install the fileset that provides " + program(check) + " (lslpp -w shows which), or put it on"
                            + " the PATH of the user wparflow logs in as.";
            case NOT_PERMITTED -> "Allow the user wparflow logs in as to run " + program(check)
                    + " (an RBAC role with its authorization, or a sudo rule for exactly this command).";
            case UNKNOWN_FIELDS -> "Nothing is needed for wparflow to work: it understood the output and ignores these"
                    + " fields. Send the anonymized bundle with a bug report so the parsers learn them.";
            case UNKNOWN_FORMAT -> "wparflow does not understand this output: send the anonymized bundle"
                    + " (GET /api/preflight/runs/ID/bundle.zip) with a bug report; docs/preflight.md says how it"
                    + " becomes a parser fixture.";
            case FAILED -> "Run the command on the host as wparflow's user and look at its message; if the command"
                    + " works there, send the anonymized bundle with a bug report.";
        };
    }

    private static String program(String check) {
        int sp = check.indexOf(' ');
        return sp < 0 ? check : check.substring(0, sp);
    }
}
