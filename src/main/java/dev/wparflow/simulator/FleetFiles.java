package dev.wparflow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the fleet file: the given path if it exists, else the copy on the classpath (simulator/fleet.yaml). */
public final class FleetFiles {
    public static final String DEFAULT = "deploy/simulator/fleet.yaml";
    public static final String CLASSPATH_COPY = "simulator/fleet.yaml";

    private FleetFiles() {
    }

    public static FleetSpec load(String path) throws IOException {
        Path p = Path.of(path == null || path.isBlank() ? DEFAULT : path);
        if (Files.exists(p)) {
            return FleetSpec.load(p);
        }
        try (InputStream in = FleetFiles.class.getClassLoader().getResourceAsStream(CLASSPATH_COPY)) {
            if (in == null) {
                throw new IOException("fleet file " + p + " not found, and no " + CLASSPATH_COPY + " on the classpath");
            }
            return FleetSpec.load(in);
        }
    }
}
