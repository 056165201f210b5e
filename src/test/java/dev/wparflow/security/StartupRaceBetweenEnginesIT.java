package dev.wparflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.springframework.context.ConfigurableApplicationContext;

import dev.wparflow.WparflowApplication;
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

    private void race(String url, String user, String password, List<String> extra) throws Exception {
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
            for (String filter : List.of(SecurityBootstrap.APPROVAL_FILTER, SecurityBootstrap.ALL_TASKS_FILTER)) {
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
