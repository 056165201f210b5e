package dev.wparflow.ssh;

/** What to do with a host key that is not in known_hosts. A changed key is refused under every policy but accept-all. */
public enum HostKeyPolicy {
    /** Unknown keys are refused; the operator adds them (ssh-keyscan) after checking the fingerprint. The default. */
    STRICT,
    /** Trust on first use: an unknown key is appended to known_hosts; a changed key is still refused. */
    ACCEPT_NEW,
    /** Every key is accepted. Only for the simulator: refused at startup unless profile simulator or embedded is active. */
    ACCEPT_ALL
}
