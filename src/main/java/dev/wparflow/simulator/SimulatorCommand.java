package dev.wparflow.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar target/wparflow.jar simulate [--fleet FILE] [--data-dir DIR] [--time-scale X] [--reset]}:
 * starts the fleet (with the state it kept in the data directory, unless --reset), prints one line per host
 * ({@code NAME PORT}), the client private key and the known_hosts file, and runs until stopped (Ctrl-C).
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
        Fleet fleet = Fleet.start(FleetFiles.load(fleetFile), options);
        for (HostRuntime h : fleet.hosts()) {
            System.out.println(h.name() + " " + h.port());
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
}
