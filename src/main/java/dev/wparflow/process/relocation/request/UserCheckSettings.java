package dev.wparflow.process.relocation.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.wparflow.aix.AbsolutePath;
import dev.wparflow.aix.AixCommand;
import dev.wparflow.aix.HostName;
import dev.wparflow.aix.UserChecks;
import dev.wparflow.aix.WparName;

/**
 * {@code wparflow.relocation.user-checks}: the user-defined compatibility checks (Redbook 5.5.2, "Additional
 * user-selected tests ... User-written scripts"), each run by {@link CompatibilityService} on the departing system,
 * the arriving one or both; exit status 0 passes, anything else blocks the relocation. Checked when the application
 * starts: a bad entry stops it with the entry and the rule named.
 *
 * <pre>
 * wparflow:
 *   relocation:
 *     user-checks:
 *       - name: app-ready
 *         command: [/usr/local/bin/wpar_ready, "{wpar}", --arriving, "{arriving}"]
 *         side: arriving          # departing | arriving | both (default both)
 *         wpars: [wpr00, mob01]   # optional: only these WPARs (default every WPAR)
 * </pre>
 *
 * The command's first word is the program's absolute path; each other word is a bare word
 * ({@code [A-Za-z0-9_@%+=:,./-]}) or one of {@code {wpar}}, {@code {departing}}, {@code {arriving}}, each replaced by
 * the validated name as one argument.
 */
@ConfigurationProperties(prefix = "wparflow.relocation")
public record UserCheckSettings(List<UserCheck> userChecks) {

    public static final String WPAR = "{wpar}";
    public static final String DEPARTING = "{departing}";
    public static final String ARRIVING = "{arriving}";

    public UserCheckSettings {
        userChecks = userChecks == null ? List.of() : List.copyOf(userChecks);
        List<String> names = new ArrayList<>();
        for (UserCheck c : userChecks) {
            if (names.contains(c.name())) {
                throw new IllegalArgumentException("wparflow.relocation.user-checks: the name " + c.name()
                        + " is given twice");
            }
            names.add(c.name());
        }
    }

    /** No user-defined checks. */
    public static UserCheckSettings none() {
        return new UserCheckSettings(List.of());
    }

    /** Where a check runs. */
    public enum Side {
        DEPARTING, ARRIVING, BOTH;

        public boolean departing() {
            return this != ARRIVING;
        }

        public boolean arriving() {
            return this != DEPARTING;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One user-defined check; {@code wpars} empty: every WPAR. */
    public record UserCheck(String name, List<String> command, Side side, List<String> wpars) {

        public UserCheck {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("wparflow.relocation.user-checks: name '" + name
                        + "' must be 1-40 lower-case letters, digits and '-'");
            }
            if (command == null || command.isEmpty()) {
                throw new IllegalArgumentException("wparflow.relocation.user-checks[" + name
                        + "].command: must name the program's absolute path");
            }
            side = side == null ? Side.BOTH : side;
            wpars = wpars == null ? List.of() : List.copyOf(wpars);
            command = List.copyOf(command);
            try {
                // every word checked now, with stand-in names for the placeholders
                build(command, WparName.of("wpar"), HostName.of("departing"), HostName.of("arriving"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("wparflow.relocation.user-checks[" + name + "].command: "
                        + e.getMessage(), e);
            }
        }

        public boolean appliesTo(String wpar) {
            return wpars.isEmpty() || wpars.contains(wpar);
        }

        /** The command for one WPAR and pair of systems, built by the aix layer. */
        public AixCommand command(WparName wpar, HostName departing, HostName arriving) {
            return build(command, wpar, departing, arriving);
        }

        private static AixCommand build(List<String> command, WparName wpar, HostName departing,
                HostName arriving) {
            List<UserChecks.Word> words = new ArrayList<>();
            for (String w : command.subList(1, command.size())) {
                words.add(switch (w) {
                    case WPAR -> new UserChecks.Name(wpar);
                    case DEPARTING -> new UserChecks.Name(departing);
                    case ARRIVING -> new UserChecks.Name(arriving);
                    default -> new UserChecks.Literal(w);
                });
            }
            return UserChecks.command(AbsolutePath.of(command.get(0)), words);
        }
    }
}
