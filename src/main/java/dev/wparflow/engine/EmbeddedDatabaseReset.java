package dev.wparflow.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code --reset} ({@code wparflow.reset=true}): deletes the embedded H2 file database before anything opens it, so
 * the application starts with an empty database while the simulated fleet starts from its fleet file
 * (SimulatorConfiguration reads the same property): database and hosts agree again. A database that is not an H2
 * file (PostgreSQL, in memory) is left alone, and the log says so.
 */
public final class EmbeddedDatabaseReset implements EnvironmentPostProcessor, Ordered {
    public static final String PROPERTY = "wparflow.reset";
    private static final String H2 = "jdbc:h2:";
    private static final List<String> H2_FILES = List.of(".mv.db", ".trace.db", ".h2.db", ".lock.db");

    private final Log log;

    public EmbeddedDatabaseReset(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseReset.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        Path base = h2FileBase(url);
        if (base == null) {
            log.warn("--reset leaves the database " + url.replaceAll("//[^/@]*@", "//") + " alone: only an embedded"
                    + " H2 file database is deleted");
            return;
        }
        try {
            for (String suffix : H2_FILES) {
                Files.deleteIfExists(base.resolveSibling(base.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--reset could not delete the H2 database " + base, e);
        }
        log.info("--reset: H2 database " + base + " deleted, starting with an empty database");
    }

    /** The path an H2 file URL names (without H2's suffixes), or null for an in-memory, remote or other database. */
    static Path h2FileBase(String url) {
        if (!url.startsWith(H2)) {
            return null;
        }
        String rest = url.substring(H2.length());
        int semicolon = rest.indexOf(';');
        rest = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.isEmpty()) {
            return null;
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest).toAbsolutePath().normalize();
    }

    @Override
    public int getOrder() {
        // after the config data (application-embedded.yml's datasource URL) is in the environment
        return Ordered.LOWEST_PRECEDENCE;
    }
}
