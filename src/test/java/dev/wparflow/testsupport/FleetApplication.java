package dev.wparflow.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
import dev.wparflow.simulator.Fleet;

/**
 * wparflow as the integration tests start it: profile {@code test}, a given database, a random port,
 * a fast run poller, and SSH endpoints, known_hosts and client key of a simulated fleet. Properties go
 * in as command-line arguments, so they win over application-test.yml's in-memory database.
 */
public final class FleetApplication {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    private FleetApplication(String url, String user, String password) {
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("server.port", "0");
        properties.put("wparflow.runs.poll-interval", "PT0.2S");
    }

    public static FleetApplication on(TestDatabase database) {
        return on(database.url(), database.user(), database.password()).properties(database.properties());
    }

    public static FleetApplication on(String url, String user, String password) {
        return new FleetApplication(url, user, password);
    }

    /** Reach these hosts of the fleet over SSH, with strict host keys. */
    public FleetApplication fleet(Fleet fleet, String... hosts) {
        properties.put("wparflow.ssh.known-hosts", fleet.knownHostsPath().toString());
        properties.put("wparflow.ssh.identities[0]", fleet.clientKeyPath().toString());
        for (String host : hosts) {
            properties.put("wparflow.ssh.endpoints." + host + ".host", "127.0.0.1");
            properties.put("wparflow.ssh.endpoints." + host + ".port", String.valueOf(fleet.host(host).port()));
            properties.put("wparflow.ssh.endpoints." + host + ".user", "root");
        }
        return this;
    }

    public FleetApplication property(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public FleetApplication properties(Map<String, ?> more) {
        properties.putAll(more);
        return this;
    }

    public ConfigurableApplicationContext start(Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = WparflowApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(sources).profiles("test").run(args);
    }
}
