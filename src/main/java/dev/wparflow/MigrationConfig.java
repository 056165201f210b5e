package dev.wparflow;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our Flyway migrations when two engine nodes start at once on an empty database. On PostgreSQL Flyway serializes
 * them with an advisory lock; on H2 the second node can find the schema history table created but not yet filled
 * ("already exists, and is empty") and give up. It tries again once the first node's migration has committed.
 */
@Configuration
public class MigrationConfig {

    private static final Logger log = LoggerFactory.getLogger(MigrationConfig.class);
    private static final int ATTEMPTS = 10;

    @Bean
    FlywayMigrationStrategy migrateAlongsideAnotherNode() {
        return flyway -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    flyway.migrate();
                    return;
                } catch (FlywayException failure) {
                    if (attempt == ATTEMPTS) {
                        throw failure;
                    }
                    log.info("database migration attempt {} failed ({}); another node may be migrating, retrying",
                            attempt, failure.getMessage());
                    try {
                        Thread.sleep(200L * attempt); // the other node's migration commits within seconds
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw failure;
                    }
                }
            }
        };
    }
}
