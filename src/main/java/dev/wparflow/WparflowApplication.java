package dev.wparflow;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * wparflow: the Camunda 7 application by default; {@code simulate}, {@code bench} and {@code cli} (the administrator's
 * command line, a REST client of a running wparflow) run the command-line tools that ship in the same jar, without
 * starting Spring.
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
            "bench", "dev.wparflow.bench.BenchCommand",
            "cli", "dev.wparflow.cli.WparflowCli");

    public static void main(String[] args) throws Exception {
        useBuiltInDatatypeFactory();
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            Class<?> command = Class.forName(SUBCOMMANDS.get(args[0]));
            Method main = command.getMethod("main", String[].class);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(WparflowApplication.class, withReset(args));
    }

    /** {@code --reset} is {@code --wparflow.reset=true}: an empty database and the fleet from its fleet file. */
    static String[] withReset(String[] args) {
        return Arrays.stream(args).map(a -> "--reset".equals(a) ? "--wparflow.reset=true" : a).toArray(String[]::new);
    }

    /**
     * Camunda makes a new {@link javax.xml.datatype.DatatypeFactory} for every timer it creates (DurationHelper), and
     * without this property the JDK looks for one with a ServiceLoader scan of the whole class path: in the boot jar
     * that was ~5 % of a fleet backup's CPU (docs/benchmarks.md). No library of ours provides another factory, so
     * naming the JDK's own changes nothing else; a factory set on the command line wins.
     */
    static void useBuiltInDatatypeFactory() {
        if (System.getProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
