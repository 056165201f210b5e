package dev.wparflow.aix;

import org.springframework.stereotype.Component;

/**
 * The typed AIX gateway: the domain operations of one host for one step ({@link #on}). Process code asks it for
 * {@code stop(wpar, Stop.FORCE)} or the WPARs lswpar lists and gets domain values, an {@link AixRefusal} (a business
 * outcome) or an {@link AixCommandException} (any other failed command); never an SSH type. A transport failure
 * stays a technical failure, and {@link HostUnreachable} tells a step whether the host took no connection. Every command is built by {@link AixCommand} and recorded in the command transcripts by {@link AixShell}.
 */
@Component
public class AixGateway {

    private final AixShell shell;

    public AixGateway(AixShell shell) {
        this.shell = shell;
    }

    /** The operations of {@code host}, recorded for the step {@code origin}. */
    public AixHost on(String host, Origin origin) {
        return new AixHost(shell, host, origin);
    }

    /** The NIM operations of the NIM master {@code host}, recorded for the step {@code origin}. */
    public NimMaster nim(String host, Origin origin) {
        return new NimMaster(on(host, origin));
    }

    /** Whether the step {@code origin} sent {@code host} a command whose line contains {@code text} (see AixShell). */
    public boolean stepSent(Origin origin, String host, String text) {
        return shell.stepSent(origin, host, text);
    }
}
