package dev.wparflow.inventory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.wparflow.hmc.HmcPair;
import dev.wparflow.hmc.HmcPairResolver;
import dev.wparflow.ssh.SshEndpoint;
import dev.wparflow.ssh.SshEndpointResolver;

/**
 * The static inventory as the application sees it: the production {@link SshEndpointResolver} (LPARs, HMCs, NIM
 * masters) and {@link HmcPairResolver} (managed system to HMC pair), asked before the configured ones
 * ({@code wparflow.ssh.endpoints}, {@code wparflow.hmc.managed-systems}), which stay as fallbacks.
 *
 * <p>The file is read lazily and again whenever its modification time or size changes (looked at no more than
 * once per {@code wparflow.inventory.check-interval}): the embedded simulator rewrites it at every start, operators
 * edit it without a restart. A file that exists but is invalid stops the start with an {@link InventoryException}
 * naming the entry; an invalid edit later keeps the last good inventory and is logged at ERROR (and shown by
 * {@link #lastError()}). A missing file is an empty inventory until it appears.
 */
public class FleetInventory implements SshEndpointResolver, HmcPairResolver {

    private static final Logger log = LoggerFactory.getLogger(FleetInventory.class);

    private final Path file;
    private final Map<String, Object> inline;
    private final long checkIntervalNanos;

    private volatile Inventory current;
    private volatile long nextCheck;
    private volatile Stamp stamp;
    private volatile String lastError;
    private volatile boolean missingLogged;
    private final java.util.concurrent.atomic.AtomicLong readings = new java.util.concurrent.atomic.AtomicLong();

    private record Stamp(long modified, long size) {
    }

    public FleetInventory(InventoryProperties properties) {
        this.file = properties.getFile() == null || properties.getFile().isBlank() ? null : Path.of(properties.getFile());
        this.inline = properties.inline();
        this.checkIntervalNanos = properties.getCheckInterval().toNanos();
        // validate what exists now, so that a bad file or bad inline entries stop the start with a clear message
        this.current = load(true);
    }

    /** The inventory now (re-read if the file changed since the last look). */
    public Inventory current() {
        if (file != null && System.nanoTime() - nextCheck >= 0) {
            synchronized (this) {
                if (System.nanoTime() - nextCheck >= 0) {
                    current = load(false);
                    nextCheck = System.nanoTime() + checkIntervalNanos;
                }
            }
        }
        return current;
    }

    /**
     * How many times the file has been read into a valid inventory (at start and after each edit): a change of this
     * number after {@link #current()} means the inventory changed. An invalid edit does not count.
     */
    public long readings() {
        current();
        return readings.get();
    }

    /** The file, or null when only inline entries are configured. */
    public Path file() {
        return file;
    }

    /** Why the last re-read was refused (the previous inventory stayed in use), or null. */
    public String lastError() {
        return lastError;
    }

    private Inventory load(boolean startup) {
        if (file == null) {
            return inline.isEmpty() ? Inventory.EMPTY : InventoryReader.fromMap("wparflow.inventory.*", inline);
        }
        Stamp now;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            now = new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            if (!missingLogged) {
                log.warn("inventory file {} does not exist (yet): {}", file.toAbsolutePath(),
                        current == null ? "no inventory entries from it" : "keeping the last one read");
                missingLogged = true;
            }
            return current != null ? current
                    : inline.isEmpty() ? Inventory.EMPTY : InventoryReader.fromMap("wparflow.inventory.*", inline);
        } catch (IOException e) {
            throw new InventoryException("inventory " + file + " cannot be read: " + e, e);
        }
        if (now.equals(stamp) && current != null) {
            return current;
        }
        missingLogged = false;
        try {
            Inventory inv = InventoryReader.fromMap(file.toString(), merged(readMap()));
            stamp = now;
            lastError = null;
            readings.incrementAndGet();
            log.info("inventory {}: {} managed systems, {} HMCs, {} LPARs, {} NIM masters, {} NFS servers", file,
                    inv.managedSystems().size(), inv.hmcs().size(), inv.lpars().size(), inv.nimMasters().size(),
                    inv.nfsServers().size());
            return inv;
        } catch (InventoryException e) {
            if (startup || current == null) {
                throw e;
            }
            if (!e.getMessage().equals(lastError)) {
                log.error("{}; keeping the inventory read before", e.getMessage());
            }
            lastError = e.getMessage();
            stamp = now;
            return current;
        }
    }

    private Map<?, ?> readMap() {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> m)) {
                throw new InventoryException("inventory " + file + ": the top level must be a mapping");
            }
            return m;
        } catch (IOException e) {
            throw new InventoryException("inventory " + file + " cannot be read: " + e, e);
        } catch (YAMLException e) {
            throw new InventoryException("inventory " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** File entries, then inline entries, list by list. */
    private Map<?, ?> merged(Map<?, ?> fromFile) {
        if (inline.isEmpty()) {
            return fromFile;
        }
        Map<Object, Object> m = new LinkedHashMap<>(fromFile);
        inline.forEach((k, v) -> {
            Object f = m.get(k);
            if (f instanceof List<?> fl && v instanceof List<?> vl) {
                List<Object> all = new ArrayList<>(fl);
                all.addAll(vl);
                m.put(k, all);
            } else if (f == null) {
                m.put(k, v);
            } else {
                throw new InventoryException("inventory: " + k + " is given both in " + file
                        + " and in wparflow.inventory.*");
            }
        });
        return m;
    }

    // ---------------------------------------------------------------- resolvers

    @Override
    public Optional<SshEndpoint> find(String name) {
        return Optional.ofNullable(current().endpoints().get(name));
    }

    @Override
    public Collection<String> names() {
        return List.copyOf(current().endpoints().keySet());
    }

    @Override
    public Optional<HmcPair> forManagedSystem(String managedSystem) {
        return current().managedSystem(managedSystem).map(s -> new HmcPair(s.name(), s.hmcs().get(0),
                s.hmcs().size() > 1 ? s.hmcs().get(1) : null));
    }
}
