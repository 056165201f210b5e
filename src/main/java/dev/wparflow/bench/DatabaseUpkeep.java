package dev.wparflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * What autovacuum does in a server that has been running, for a PostgreSQL whose autovacuum is off (CI machines turn
 * it off; a production server has it on): ANALYZE while a warm-up run keeps Camunda's runtime tables full, VACUUM after
 * it. Without it the warm-up runs leave hundreds of thousands of dead rows and no column statistics at all: the planner
 * then takes {@code TASK_ID_ is null} for selective and ANDs the whole task index into Camunda's variable query, 2 ms
 * instead of 0.1 ms, and worse with every run. An ANALYZE of the emptied tables after a run is no better:
 * it leaves them without statistics too. Nothing on H2 or on a PostgreSQL that vacuums by itself.
 */
class DatabaseUpkeep {

    /** Seconds into a warm-up run when its tables are full (a run takes 15 s or more). */
    private static final int ANALYZE_AFTER_SECONDS = 5;

    private final DataSource dataSource;

    private DatabaseUpkeep(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static DatabaseUpkeep forBench(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) || autovacuumOn(c)) {
                return new DatabaseUpkeep(null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot ask the database whether it vacuums by itself", e);
        }
        System.out.println("PostgreSQL's autovacuum is off: ANALYZE during and VACUUM after each warm-up run, as"
                + " autovacuum would");
        return new DatabaseUpkeep(dataSource);
    }

    /** ANALYZE once the run has filled the tables, in the background. */
    void duringRun() {
        if (dataSource != null) {
            Thread t = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(ANALYZE_AFTER_SECONDS);
                    run("ANALYZE");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-analyze");
            t.setDaemon(true);
            t.start();
        }
    }

    void afterRun() {
        if (dataSource != null) {
            run("VACUUM");
        }
    }

    private void run(String command) {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction block
            s.execute(command);
        } catch (SQLException e) {
            throw new IllegalStateException(command + " failed", e);
        }
        System.out.printf("%s in %d ms%n", command, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean autovacuumOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('autovacuum')")) {
            return r.next() && "on".equals(r.getString(1));
        }
    }
}
