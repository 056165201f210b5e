package dev.wparflow.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Lease locks in our table, shared by every engine node. Acquiring is one conditional UPDATE (or
 * the INSERT of a resource's first row), which the database serialises on the row, so of two nodes
 * racing exactly one wins on H2 and PostgreSQL alike. Each acquisition by a new owner raises the
 * resource's fencing token. Re-acquiring by the same owner (a retried job) keeps the token and
 * renews the lease. An expired lease may be taken over. Release is idempotent.
 *
 * <p>Every change runs in a transaction of its own: a lock is visible to the other nodes as soon as
 * it is taken, whatever the calling job does next, and a lost race for a resource's first row (a
 * duplicate key, which aborts a PostgreSQL transaction) cannot spoil the caller's transaction. A job
 * that rolls back after acquiring retries as the same owner and gets the same lock back.
 */
@Service
public class LeaseLockService {

    private static final Logger log = LoggerFactory.getLogger(LeaseLockService.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile MeterRegistry meters;

    @Autowired
    public LeaseLockService(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Outside Spring (tests, benchmarks): transactions on the template's data source. */
    public LeaseLockService(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /**
     * Counts every acquisition that found the resource held by another owner ({@code wparflow.lock.waits}, by the
     * kind of resource: wpar, host, nim…): the caller then waits and asks again, or refuses.
     */
    @Autowired(required = false)
    public void setMeterRegistry(MeterRegistry meters) {
        this.meters = meters;
    }

    public LockAcquisition acquire(LockResource resource, String owner, String ownerInfo, Duration lease) {
        requireOwner(owner);
        LockAcquisition outcome = ownTransaction.execute(status -> {
            LockAcquisition attempt = tryAcquire(resource, owner, ownerInfo, lease);
            if (attempt == null) {
                status.setRollbackOnly(); // PostgreSQL has aborted it already
            }
            return attempt;
        });
        // a lost race for the first row: read the holder after that transaction ended
        LockAcquisition result = outcome != null ? outcome : heldByOther(resource, owner);
        MeterRegistry registry = meters;
        if (registry != null && result instanceof LockAcquisition.HeldByOther) {
            Counter.builder("wparflow.lock.waits").description("Lock acquisitions that found the resource held")
                    .tag("kind", kind(resource)).register(registry).increment();
        }
        return result;
    }

    /** "wpar" of wpar:lpar00/wpr00: the kind of resource, a label of few values. */
    static String kind(LockResource resource) {
        int colon = resource.name().indexOf(':');
        return colon > 0 ? resource.name().substring(0, colon) : resource.name();
    }

    /** null when the resource's first row was inserted by someone else meanwhile. */
    private LockAcquisition tryAcquire(LockResource resource, String owner, String ownerInfo, Duration lease) {
        requireOwner(owner);
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(lease);
        int updated = jdbc.update("""
                UPDATE wparflow_lock
                   SET fencing_token = CASE WHEN owner = ? THEN fencing_token ELSE fencing_token + 1 END,
                       acquired_at = CASE WHEN owner = ? THEN acquired_at ELSE ? END,
                       owner = ?, owner_info = ?, heartbeat_at = ?, expires_at = ?
                 WHERE resource = ? AND (owner IS NULL OR owner = ? OR expires_at < ?)
                """, owner, owner, now, owner, ownerInfo, now, expires, resource.name(), owner, now);
        if (updated == 0) {
            // only a resource's first acquisition inserts ("WHERE NOT EXISTS" spares most duplicate keys); a
            // duplicate that still happens aborts only our own transaction, never the caller's
            try {
                jdbc.update("""
                        INSERT INTO wparflow_lock (resource, owner, owner_info, fencing_token, acquired_at, heartbeat_at, expires_at)
                        SELECT ?, ?, ?, 1, ?, ?, ? FROM (SELECT 1 AS one) only_row
                         WHERE NOT EXISTS (SELECT 1 FROM wparflow_lock WHERE resource = ?)
                        """, resource.name(), owner, ownerInfo, now, now, expires, resource.name());
            } catch (DuplicateKeyException raced) {
                // two first acquisitions at once: the other one's row is there now
                return null;
            }
        }
        HeldLock held = find(resource);
        if (held == null || !owner.equals(held.owner())) {
            return heldByOther(resource, owner);
        }
        log.info("lock {} acquired by {} (token {}, until {})", resource, owner, held.fencingToken(), held.expiresAt());
        return new LockAcquisition.Acquired(resource, held.fencingToken(), held.expiresAt());
    }

    private LockAcquisition heldByOther(LockResource resource, String owner) {
        HeldLock held = find(resource);
        if (held == null || held.owner() == null) {
            // released between our statements: the caller simply asks again
            return new LockAcquisition.HeldByOther(resource, "nobody (released meanwhile)", null, clock.instant());
        }
        log.debug("lock {} refused to {}: held by {}", resource, owner, held.owner());
        return new LockAcquisition.HeldByOther(resource, held.owner(), held.ownerInfo(), held.expiresAt());
    }

    /** Extends a lease we still hold; false if it was lost (expired and taken over, or released). */
    public boolean renew(LockResource resource, String owner, long fencingToken, Duration lease) {
        OffsetDateTime now = now();
        return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc.update("""
                UPDATE wparflow_lock SET heartbeat_at = ?, expires_at = ?
                 WHERE resource = ? AND owner = ? AND fencing_token = ?
                """, now, now.plus(lease), resource.name(), owner, fencingToken) == 1));
    }

    /**
     * Renews every held lease whose owner is still at work ({@code alive} says which of the owners are), each by its
     * own length: the time from its last acquisition or renewal to its expiry, so a 12-hour lease stays one.
     * Each renewal is conditional on owner and fencing token ({@link #renew}): a lease that expired and was taken over
     * meanwhile stays with its new holder (fencing), and is reported in {@link Renewal#lost()}; one its owner released
     * meanwhile is neither renewed nor lost. A lease that expired
     * but was not taken over is still its owner's (nobody else held it, its token did not change) and is renewed.
     */
    public Renewal renewLive(Function<Collection<String>, Set<String>> alive) {
        List<HeldLock> held = held();
        if (held.isEmpty()) {
            return new Renewal(List.of(), List.of());
        }
        Set<String> live = alive.apply(held.stream().map(HeldLock::owner).collect(Collectors.toSet()));
        List<HeldLock> renewed = new ArrayList<>();
        List<HeldLock> lost = new ArrayList<>();
        for (HeldLock lock : held) {
            if (!live.contains(lock.owner()) || lock.heartbeatAt() == null || lock.expiresAt() == null) {
                continue;
            }
            Duration length = Duration.between(lock.heartbeatAt(), lock.expiresAt());
            if (length.isNegative() || length.isZero()) {
                continue;
            }
            LockResource resource = new LockResource(lock.resource());
            if (renew(resource, lock.owner(), lock.fencingToken(), length)) {
                renewed.add(lock);
                continue;
            }
            HeldLock now = find(resource);
            if (now == null || now.owner() == null) {
                // its owner finished between our read and the renewal: nothing was lost
                log.debug("lease {} of {} released before its renewal", lock.resource(), lock.owner());
            } else {
                lost.add(lock);
                log.warn("lease {} of {} (token {}) could not be renewed: taken over by {} (token {})",
                        lock.resource(), lock.owner(), lock.fencingToken(), now.owner(), now.fencingToken());
            }
        }
        return new Renewal(renewed, lost);
    }

    /** What {@link #renewLive} did: the leases it renewed and those it found lost (as they were before). */
    public record Renewal(List<HeldLock> renewed, List<HeldLock> lost) {
    }

    /** Releases the lock if this owner holds it; releasing twice, or a lock already taken over, is a no-op. */
    public boolean release(LockResource resource, String owner) {
        requireOwner(owner);
        Integer released = ownTransaction.execute(status -> jdbc.update("""
                UPDATE wparflow_lock SET owner = NULL, owner_info = NULL, expires_at = NULL
                 WHERE resource = ? AND owner = ?
                """, resource.name(), owner));
        if (released != null && released == 1) {
            log.info("lock {} released by {}", resource, owner);
            return true;
        }
        return false;
    }

    /** Releases everything an owner holds: the end and error paths of a process call this. */
    public int releaseAll(String owner) {
        requireOwner(owner);
        Integer released = ownTransaction.execute(status -> jdbc.update(
                "UPDATE wparflow_lock SET owner = NULL, owner_info = NULL, expires_at = NULL WHERE owner = ?", owner));
        return released == null ? 0 : released;
    }

    /** Whether this owner holds the lock with this token now: guarded writes check it first. */
    public boolean isValid(LockResource resource, String owner, long fencingToken) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM wparflow_lock
                 WHERE resource = ? AND owner = ? AND fencing_token = ? AND expires_at >= ?
                """, Integer.class, resource.name(), owner, fencingToken, now());
        return count != null && count == 1;
    }

    public HeldLock find(LockResource resource) {
        List<HeldLock> rows = jdbc.query("SELECT * FROM wparflow_lock WHERE resource = ?", this::row, resource.name());
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Every lock that has an owner, expired ones included (they are visibly held until taken over). */
    public List<HeldLock> held() {
        return jdbc.query("SELECT * FROM wparflow_lock WHERE owner IS NOT NULL ORDER BY resource", this::row);
    }

    public List<HeldLock> heldBy(String owner) {
        return jdbc.query("SELECT * FROM wparflow_lock WHERE owner = ? ORDER BY resource", this::row, owner);
    }

    private HeldLock row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        Instant expires = instant(rs, "expires_at");
        return new HeldLock(rs.getString("resource"), rs.getString("owner"), rs.getString("owner_info"),
                rs.getLong("fencing_token"), instant(rs, "acquired_at"), instant(rs, "heartbeat_at"), expires,
                expires != null && expires.isBefore(clock.instant()));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a lock needs an owner");
        }
    }
}
