package dev.wparflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One engine node at a time creates or updates Camunda's tables on PostgreSQL. Two nodes starting at the same moment
 * on an empty database both find the tables missing and both run Camunda's CREATE TABLE statements; the second then
 * fails on PostgreSQL's catalog ({@code duplicate key value violates unique constraint "pg_type_typname_nsp_index"},
 * ENGINE-03017) and the node does not start. A session-level advisory lock, keyed by the schema, is taken before the
 * engine is built and given back once it is built, so the second node finds the tables there. H2 (the embedded default)
 * has one node and is left alone.
 */
@Component
public class SchemaCreationLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SchemaCreationLock.class);
    /** First half of the advisory lock's key: ours, so it meets no other user of advisory locks on the database. */
    public static final int LOCK_CLASS = 0x57504152; // "WPAR"

    private final DataSource dataSource;
    private Connection held;
    private int schemaKey;

    public SchemaCreationLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            String schema = configuration.getDatabaseSchema() != null ? configuration.getDatabaseSchema()
                    : connection.getSchema();
            schemaKey = keyOf(schema);
            log.debug("waiting for the schema creation lock of {}", schema);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setInt(2, schemaKey);
                lock.execute();
            }
            held = connection;
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot take the schema creation lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        release();
    }

    /** The advisory lock's second key half for a schema (the name's hash: schemas of one database differ in name). */
    public static int keyOf(String schema) {
        return schema == null ? 0 : schema.hashCode();
    }

    private void release() {
        if (held == null) {
            return;
        }
        Connection connection = held;
        held = null;
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.setInt(2, schemaKey);
            try (ResultSet unlocked = unlock.executeQuery()) {
                unlocked.next();
            }
            connection.close();
        } catch (SQLException e) {
            // the pool must not keep a session that may still hold the lock: ending the session gives it back
            log.warn("giving back the schema creation lock failed, closing its session: {}", e.getMessage());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the session is gone either way
            }
        }
    }
}
