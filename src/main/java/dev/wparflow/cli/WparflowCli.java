package dev.wparflow.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code wparflow}: the administrator's command line, a REST client of a running wparflow (docs/cli.md). Started by
 * {@code bin/wparflow} or {@code java -jar wparflow.jar cli ...} without Spring; it knows the application only
 * through its HTTP API.
 */
@Command(name = "wparflow", mixinStandardHelpOptions = true, versionProvider = WparflowCli.Version.class,
        description = "wparflow's command line: SSH sessions, WPARs and their operations, checkpoints, evacuations and"
                + " approvals of a running wparflow.",
        subcommands = { HmcCommand.class, SshCommand.class, WparCommand.class,
                CheckpointCommands.CheckpointCommand.class, EvacuateCommand.class, MaintainCommand.class, OpCommand.class,
                ApprovalCommands.Approve.class, ApprovalCommands.Reject.class, CompletionCommand.class,
                BackupCommand.class, PreflightCommand.class },
        footer = { "", "Settings: /etc/wparflow/wparflow.cfg, then ~/.wparflow.cfg (key by key), then options.",
                "Exit status: 0 done, 1 refused or failed, 2 usage or input refused,",
                "3 waiting for approval, 4 cannot reach or authenticate, 5 still running." })
public class WparflowCli {

    /** What the command line reads from its surroundings; tests give their own. */
    public record Environment(Map<String, String> variables, Path home, Path systemConfig, Supplier<char[]> prompt,
            HttpClient http, boolean terminal) {

        public static Environment system() {
            Console console = System.console();
            // $HOME as the shell has it (~ in the settings and the user's file), else Java's user.home
            String home = System.getenv("HOME");
            return new Environment(System.getenv(), Path.of(home != null && !home.isBlank() ? home
                    : System.getProperty("user.home")), CliConfig.SYSTEM_FILE,
                    console == null ? () -> null : () -> console.readPassword("Password: "),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), console != null);
        }
    }

    public static final String PASSWORD_VARIABLE = "WPARFLOW_PASSWORD";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "wparflow's address (settings key URL; default " + CliConfig.DEFAULT_URL + ")")
    String url;

    @Option(names = { "-u", "--user" }, scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "the user to log in as (settings key User; default: your login name)")
    String user;

    @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "a file whose first line is the password (settings key PasswordFile); "
                    + "WPARFLOW_PASSWORD wins over it; without either the password is asked for")
    String passwordFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "print the server's answer as JSON (for scripts)")
    boolean json;

    private final Environment environment;
    private Api api;

    public WparflowCli(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(Environment.system(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs one command line; the exit status (ExitStatus). */
    public static int execute(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, out, err).execute(args);
    }

    static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        WparflowCli cli = new WparflowCli(environment);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof CliException c) {
                        if (cli.json && c.body() != null && !(c.body() instanceof com.fasterxml.jackson.databind.node.NullNode)) {
                            out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c.body()));
                            out.flush();
                        }
                        err.println("wparflow: " + c.getMessage());
                        err.flush();
                        return c.exitStatus();
                    }
                    err.println("wparflow: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    err.flush();
                    return ExitStatus.REFUSED_OR_FAILED;
                });
        return commandLine;
    }

    /** Standard error is a terminal: the progress line is rewritten in place. */
    boolean terminal() {
        return environment.terminal();
    }

    /** The settings as the files and options make them. */
    CliConfig config() {
        CliConfig files = CliConfig.load(environment.systemConfig(),
                environment.home() == null ? null : environment.home().resolve(CliConfig.USER_FILE));
        return files.with(url, user, passwordFile);
    }

    Api api() {
        if (api == null) {
            CliConfig config = config();
            String who = config.user() != null ? config.user() : System.getProperty("user.name");
            api = new Api(environment.http(), config.url(), who, () -> password(config));
        }
        return api;
    }

    /** WPARFLOW_PASSWORD, else the password file, else a prompt on the terminal. */
    private char[] password(CliConfig config) {
        String fromEnvironment = environment.variables().get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (config.passwordFile() != null) {
            Path file = CliConfig.expand(config.passwordFile(), environment.home());
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw new CliException(ExitStatus.UNREACHABLE, "cannot read the password file " + file);
            }
        }
        char[] typed = environment.prompt().get();
        if (typed == null) {
            throw new CliException(ExitStatus.UNREACHABLE, "no password: set " + PASSWORD_VARIABLE
                    + ", PasswordFile in ~/.wparflow.cfg or --password-file, or run in a terminal to be asked");
        }
        return typed;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WparflowCli.class.getPackage().getImplementationVersion();
            return new String[] { "wparflow " + (v == null ? "(development)" : v) };
        }
    }
}
