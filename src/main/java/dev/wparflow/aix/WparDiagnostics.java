package dev.wparflow.aix;

import java.util.List;

/**
 * What Redbook 4.1.2 says to look at before a Broken WPAR is taken back to Defined ("Recovering from Broken state",
 * RB:2832-2844): the WPAR's full listing ({@code lswpar -L}), the logs at {@code /var/adm/ras} and
 * {@code /var/adm/WPARs} ({@code ls}), its running processes ({@code ps -ef -@ NAME}, the form of RB:10598) and its
 * mounted file systems ({@code lswpar -M}). The book names the places, not the commands that read them: {@code ls}
 * and the {@code ps} form are IBM's AIX command references.
 */
public final class WparDiagnostics {

    /** The log directories 4.1.2 lists. */
    public static final List<AbsolutePath> LOG_DIRECTORIES = List.of(AbsolutePath.of("/var/adm/ras"),
            AbsolutePath.of("/var/adm/WPARs"));

    private WparDiagnostics() {
    }

    /** The reads, in the book's order. */
    public static List<AixCommand> commands(WparName name) {
        return List.of(Lswpar.details(name), ls(LOG_DIRECTORIES), processes(name), Lswpar.mounts(List.of(name)));
    }

    /** {@code ps -ef -@ NAME}: the WPAR's processes as the global environment sees them (RB:10598-10634). */
    public static AixCommand processes(WparName name) {
        return AixCommand.of("ps").flag("-ef").flag("-@").arg(name).build();
    }

    /** {@code ls DIR…}. */
    public static AixCommand ls(List<AbsolutePath> directories) {
        return AixCommand.of("ls").args(directories).build();
    }

    /** {@code rebootwpar NAME}: stop then start, the WPAR Transitional meanwhile (RB:2734-2762). */
    public static AixCommand rebootwpar(WparName name) {
        return AixCommand.of("rebootwpar").arg(name).build();
    }
}
