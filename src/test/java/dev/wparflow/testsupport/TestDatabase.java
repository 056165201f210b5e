package dev.wparflow.testsupport;

import java.util.Map;
import java.util.UUID;

/**
 * The database of one integration test class's application: where it is, who connects, the properties the application
 * needs for it, and whether {@link #drop()} removes a schema made for the class.
 */
public record TestDatabase(String url, String user, String password, Map<String, String> properties,
        boolean ownSchema) {

    /** An H2 database in memory, one per call. */
    public static TestDatabase h2Memory(String name) {
        return new TestDatabase("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY", "sa",
                "", Map.of(), false);
    }

    /** A fresh schema of its own in the PostgreSQL test database, Camunda's tables in it too. */
    public static TestDatabase freshPostgresSchema(String prefix) {
        String url = TestDatabases.freshPostgresSchemaUrl(prefix);
        return new TestDatabase(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword(),
                TestDatabases.camundaSchemaProperties(url), true);
    }

    /**
     * The database this run tests on, chosen by {@code -Dwparflow.test.database} ({@code h2}, the default, or
     * {@code postgres}): H2 in memory or a fresh PostgreSQL schema named after {@code name}. Classes annotated
     * {@link BothDatabases} run once per database: the build's PostgreSQL execution sets the property.
     */
    public static TestDatabase selected(String name) {
        return TestDatabases.postgresSelected() ? freshPostgresSchema(name) : h2Memory(name);
    }

    /** Drops the schema made for the class; nothing for an in-memory database, which goes with its last connection. */
    public void drop() {
        if (ownSchema) {
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
