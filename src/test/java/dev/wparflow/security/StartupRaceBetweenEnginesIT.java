package dev.wparflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
import dev.wparflow.engine.SchemaCreationLock;
import dev.wparflow.testsupport.TestDatabases;

/**
 * Two engine nodes started at the same moment on an empty database: both come up, and each group, user,
 * authorization and Tasklist filter exists exactly once (the identity bootstrap looks and creates under
 * {@link StartupLock}).
 */
class StartupRaceBetweenEnginesIT {

    @TempDir
    Path dir;

    @Test
    void onPostgres() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        String url = TestDatabases.freshPostgresSchemaUrl("startup");
        try {
            List<String> schema = new ArrayList<>();
            TestDatabases.camundaSchemaProperties(url).forEach((k, v) -> schema.add("--" + k + "=" + v));
            race(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword(), schema);
        } finally {
            TestDatabases.dropPostgresSchema(url);
        }
    }

    /**
     * Camunda's own tables: while another node holds the schema creation lock (here the test), a starting node waits
     * for it and creates nothing; once it is given back, the node creates the tables and comes up. Without the lock,
     * two JVMs starting at once failed in Camunda's CREATE TABLE (ENGINE-03017, duplicate pg_type entry).
     */
    @Test
    void aNodeCreatesCamundasTablesOnlyWhenNoOtherNodeDoes() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresUrl() != null, TestDatabases.POSTGRES_DISABLED_REASON);
        String url = TestDatabases.freshPostgresSchemaUrl("schemalock");
        String schema = TestDatabases.schemaOf(url);
        ExecutorService starter = Executors.newSingleThreadExecutor();
        ConfigurableApplicationContext node = null;
        try (Connection otherNode = DriverManager.getConnection(url, TestDatabases.postgresUser(),
                TestDatabases.postgresPassword())) {
            advisory(otherNode, "pg_advisory_lock", schema);
            List<String> extra = new ArrayList<>();
            TestDatabases.camundaSchemaProperties(url).forEach((k, v) -> extra.add("--" + k + "=" + v));
            Future<ConfigurableApplicationContext> starting = starter.submit(() -> engine("engine-1", url,
                    TestDatabases.postgresUser(), TestDatabases.postgresPassword(), extra));

            await().atMost(Duration.ofMinutes(2)).until(() -> waitingForSchemaLock(otherNode) || starting.isDone());
            assertThat(waitingForSchemaLock(otherNode)).as("the node waits for the schema creation lock").isTrue();
            assertThat(camundaTables(otherNode, schema)).as("tables created while another node held the lock")
                    .isZero();

            advisory(otherNode, "pg_advisory_unlock", schema);
            node = starting.get(5, TimeUnit.MINUTES);
            assertThat(camundaTables(otherNode, schema)).isPositive();
            assertThat(waitingForSchemaLock(otherNode)).isFalse();
        } finally {
            if (node != null) {
                node.close();
            }
            starter.shutdownNow();
            TestDatabases.dropPostgresSchema(url);
        }
    }

    private static void advisory(Connection connection, String function, String schema) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement("select " + function + "(?, ?)")) {
            call.setInt(1, SchemaCreationLock.LOCK_CLASS);
            call.setInt(2, SchemaCreationLock.keyOf(schema));
            call.execute();
        }
    }

    private static boolean waitingForSchemaLock(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from pg_locks where locktype = "
                + "'advisory' and not granted and classid = ?::oid and objsubid = 2 and database = "
                + "(select oid from pg_database where datname = current_database())")) {
            query.setLong(1, SchemaCreationLock.LOCK_CLASS);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }

    private static int camundaTables(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from information_schema.tables "
                + "where table_schema = ? and table_name like 'act\\_%'")) {
            query.setString(1, schema);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    @Test
    void onH2() throws Exception {
        race("jdbc:h2:file:" + dir.resolve("startup") + ";AUTO_SERVER=TRUE", "sa", "", List.of());
    }

    static ConfigurableApplicationContext engine(String name, String url, String user, String password,
            List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--server.port=0", "--wparflow.node-id=" + name,
                "--wparflow.bootstrap-admin.id=root1", "--wparflow.bootstrap-admin.password=first-admin-pass",
                "--wparflow.demo.enabled=true",
                "--wparflow.demo.users[0].id=alice", "--wparflow.demo.users[0].password=alice",
                "--wparflow.demo.users[0].first-name=Alice", "--wparflow.demo.users[0].last-name=Operator",
                "--wparflow.demo.users[0].groups[0]=" + WparflowGroups.OPERATORS));
        args.addAll(extra);
        return new SpringApplicationBuilder(WparflowApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    /**
     * Starts two nodes at once in this JVM. The race under test is the database's (tables, identity bootstrap), not
     * Spring Boot's logging set-up, which is not made for two applications initialising it at the same moment in one
     * JVM ("Unable to find Spring Environment in logger context"): the nodes start with Spring's logging system off
     * and log through the configuration this JVM already has.
     */
    private void race(String url, String user, String password, List<String> extra) throws Exception {
        String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            raceWithoutLoggingSetUp(url, user, password, extra);
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }

    private void raceWithoutLoggingSetUp(String url, String user, String password, List<String> extra)
            throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        for (String name : List.of("engine-1", "engine-2")) {
            nodes.add(starters.submit(() -> {
                go.await();
                return engine(name, url, user, password, extra);
            }));
        }
        go.countDown();
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try {
            List<Throwable> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> node : nodes) {
                try {
                    started.add(node.get(5, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException failed) {
                    failures.add(failed.getCause());
                }
            }
            assertThat(failures).as("nodes that failed to start").isEmpty();

            IdentityService identity = started.get(0).getBean(IdentityService.class);
            FilterService filters = started.get(1).getBean(FilterService.class);
            AuthorizationService authorizations = started.get(0).getBean(AuthorizationService.class);
            for (String group : List.of(WparflowGroups.OPERATORS, WparflowGroups.APPROVERS, WparflowGroups.ADMINS)) {
                assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
            }
            for (String filter : List.of(SecurityBootstrap.APPROVAL_FILTER, SecurityBootstrap.ALL_TASKS_FILTER,
                    SecurityBootstrap.MY_TASKS_FILTER)) {
                assertThat(filters.createFilterQuery().filterName(filter).count()).as(filter).isEqualTo(1);
            }
            assertThat(identity.createUserQuery().userId("alice").memberOfGroup(WparflowGroups.OPERATORS).count())
                    .isEqualTo(1);
            assertThat(identity.createUserQuery().memberOfGroup(WparflowGroups.ADMINS).list())
                    .extracting(u -> u.getId()).containsExactly("root1");
            for (Map.Entry<String, String> grant : Map.of(WparflowGroups.OPERATORS, "tasklist",
                    WparflowGroups.APPROVERS, "tasklist").entrySet()) {
                assertThat(authorizations.createAuthorizationQuery().groupIdIn(grant.getKey())
                        .resourceType(Resources.APPLICATION).resourceId(grant.getValue()).count())
                        .as(grant.getKey() + " " + grant.getValue()).isEqualTo(1);
            }
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(WparflowGroups.ADMINS)
                    .resourceType(Resources.FILTER).resourceId("*").count()).isEqualTo(1);
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            starters.shutdownNow();
        }
    }
}
