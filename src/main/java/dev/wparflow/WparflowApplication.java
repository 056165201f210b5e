package dev.wparflow;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * wparflow: the Camunda 7 application by default; {@code simulate} and {@code bench} run the
 * command-line tools that ship in the same jar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WparflowApplication {

    /**
     * Subcommands are looked up by class name so that the application itself keeps no compile-time
     * dependency on the simulator (an ArchUnit rule checks that).
     */
    private static final Map<String, String> SUBCOMMANDS = Map.of(
            "simulate", "dev.wparflow.simulator.SimulatorCommand",
            "bench", "dev.wparflow.bench.BenchCommand");

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            Class<?> command = Class.forName(SUBCOMMANDS.get(args[0]));
            Method main = command.getMethod("main", String[].class);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(WparflowApplication.class, args);
    }
}
