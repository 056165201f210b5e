package dev.wparflow.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar target/wparflow.jar simulate [--fleet FILE] [--data-dir DIR] [--time-scale X] [--reset]}:
 * starts the fleet (with the state it kept in the data directory, unless --reset), prints one line per host
 * ({@code NAME PORT}, HMCs marked {@code (HMC)}), the client private key and the known_hosts file, and runs until
 * stopped (Ctrl-C). A port already taken ends it with one line naming the host and port, exit status 1.
 */
public final class SimulatorCommand {
    private SimulatorCommand() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        String fleetFile = FleetFiles.DEFAULT;
        FleetOptions options = FleetOptions.defaults().keepState(true);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fleet" -> fleetFile = args[++i];
                case "--data-dir" -> options.dataDir = Path.of(args[++i]);
                case "--time-scale" -> options.timeScale = Double.parseDouble(args[++i]);
                case "--random-ports" -> options.randomPorts = true;
                case "--reset" -> options.resetState = true;
                default -> {
                    System.err.println("usage: wparflow simulate [--fleet FILE] [--data-dir DIR] [--time-scale X] [--random-ports] [--reset]");
                    System.exit(2);
                }
            }
        }
        Fleet fleet;
        // MINA logs a failed bind at ERROR with its stack; a taken port is said once below instead
        ch.qos.logback.classic.Logger acceptor = acceptorLogger();
        ch.qos.logback.classic.Level level = acceptor == null ? null : acceptor.getLevel();
        if (acceptor != null) {
            acceptor.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        try {
            fleet = Fleet.start(FleetFiles.load(fleetFile), options);
        } catch (RuntimeException | java.io.IOException e) {
            String taken = portTaken(e);
            if (taken == null) {
                throw e;
            }
            System.err.println("simulate: " + taken + " (is wparflow or another simulator running? --random-ports"
                    + " picks free ports)");
            System.exit(1);
            return;
        } finally {
            if (acceptor != null) {
                acceptor.setLevel(level);
            }
        }
        for (HostRuntime h : fleet.hosts()) {
            System.out.println(h.name() + " " + h.port());
        }
        for (HostRuntime h : fleet.hmcs()) {
            System.out.println(h.name() + " " + h.port() + " (HMC)");
        }
        System.out.println("client key: " + fleet.clientKeyPath().toAbsolutePath());
        System.out.println("known_hosts: " + fleet.knownHostsPath().toAbsolutePath());
        System.out.println("state: " + fleet.statePath().toAbsolutePath() + " (kept across restarts; --reset starts afresh)");
        HostRuntime first = fleet.hosts().iterator().next();
        System.out.println("try: ssh -p " + first.port() + " -i " + fleet.clientKeyPath().toAbsolutePath()
                + " -o UserKnownHostsFile=" + fleet.knownHostsPath().toAbsolutePath() + " root@127.0.0.1 lswpar");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    private static ch.qos.logback.classic.Logger acceptorLogger() {
        return org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx
                ? ctx.getLogger("org.apache.sshd.common.io.nio2.Nio2Acceptor") : null;
    }

    /** "cannot start simulated host lpar00 on port 2201: port taken" when a port was taken, else null. */
    static String portTaken(Throwable e) {
        String where = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.UncheckedIOException && t.getMessage() != null) {
                where = t.getMessage();
            }
            if (t instanceof java.net.BindException) {
                return (where != null ? where : "cannot start the fleet") + ": port taken";
            }
        }
        return null;
    }
}
