package dev.wparflow.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Lease locks in our table, shared by every engine node. Acquiring is one conditional UPDATE (or
 * the INSERT of a resource's first row), which the database serialises on the row, so of two nodes
 * racing exactly one wins on H2 and PostgreSQL alike. Each acquisition by a new owner raises the
 * resource's fencing token. Re-acquiring by the same owner (a retried job) keeps the token and
 * renews the lease. An expired lease may be taken over. Release is idempotent.
 */
@Service
public class LeaseLockService {

    private static final Logger log = LoggerFactory.getLogger(LeaseLockService.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LeaseLockService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LockAcquisition acquire(LockResource resource, String owner, String ownerInfo, Duration lease) {
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
            // only a resource's first acquisition inserts: "WHERE NOT EXISTS" instead of relying on the duplicate
            // key, because on PostgreSQL a failed INSERT aborts the caller's transaction (a job's, when a process
            // step asks for a lock that is held), and every later statement in it fails
            try {
                jdbc.update("""
                        INSERT INTO wparflow_lock (resource, owner, owner_info, fencing_token, acquired_at, heartbeat_at, expires_at)
                        SELECT ?, ?, ?, 1, ?, ?, ? FROM (SELECT 1 AS one) only_row
                         WHERE NOT EXISTS (SELECT 1 FROM wparflow_lock WHERE resource = ?)
                        """, resource.name(), owner, ownerInfo, now, now, expires, resource.name());
            } catch (DuplicateKeyException raced) {
                // two first acquisitions at once (outside a transaction, as in the race test, the query still works)
                return heldByOther(resource, owner);
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
        return jdbc.update("""
                UPDATE wparflow_lock SET heartbeat_at = ?, expires_at = ?
                 WHERE resource = ? AND owner = ? AND fencing_token = ?
                """, now, now.plus(lease), resource.name(), owner, fencingToken) == 1;
    }

    /** Releases the lock if this owner holds it; releasing twice, or a lock already taken over, is a no-op. */
    public boolean release(LockResource resource, String owner) {
        requireOwner(owner);
        int released = jdbc.update("""
                UPDATE wparflow_lock SET owner = NULL, owner_info = NULL, expires_at = NULL
                 WHERE resource = ? AND owner = ?
                """, resource.name(), owner);
        if (released == 1) {
            log.info("lock {} released by {}", resource, owner);
        }
        return released == 1;
    }

    /** Releases everything an owner holds: the end and error paths of a process call this. */
    public int releaseAll(String owner) {
        requireOwner(owner);
        return jdbc.update("UPDATE wparflow_lock SET owner = NULL, owner_info = NULL, expires_at = NULL WHERE owner = ?",
                owner);
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
