package dev.wparflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.security.WparflowGroups;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.SelectedDatabase;
import dev.wparflow.testsupport.TestUsers;

/**
 * /api/relocation-groups: anyone logged in reads the groups; only camunda-admin and wparflow-relocation-admins create,
 * change and delete them; who changed a group is the caller; a bad group is a 400 naming the field; a WPAR belongs to
 * one group. On H2 and PostgreSQL.
 */
@BothDatabases
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SelectedDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RelocationGroupControllerIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RelocationGroups groups;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "operator", WparflowGroups.OPERATORS);
        TestUsers.ensure(identityService, "reladmin", WparflowGroups.RELOCATION_ADMINS);
        TestUsers.ensure(identityService, "admin", WparflowGroups.ADMINS);
    }

    static Map<String, Object> body(List<String> members, Object candidates, Object pairs) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", "web tier");
        body.put("members", members);
        body.put("candidates", candidates);
        body.put("antiAffinity", pairs);
        body.put("maxWparsPerLpar", 4);
        body.put("cpuHeadroomPercent", 15);
        return body;
    }

    ResponseEntity<Map> put(String user, String name, Object body) {
        return TestUsers.call(rest, user, HttpMethod.PUT, "/api/relocation-groups/" + name, body, Map.class);
    }

    @Test
    void aRelocationAdministratorCreatesAndChangesAGroupAsThemselves() {
        ResponseEntity<Map> created = put("reladmin", "web", body(List.of("web01", "web02"),
                List.of(Map.of("lpar", "lpar01", "rank", "high"), Map.of("managedSystem", "sys570b", "rank", "LOW")),
                List.of(List.of("web01", "web02"))));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("version", 1).containsEntry("updatedBy", "reladmin")
                .containsEntry("members", List.of("web01", "web02")).containsEntry("maxWparsPerLpar", 4)
                .containsEntry("antiAffinity", List.of(List.of("web01", "web02")))
                .containsEntry("candidates", List.of(Map.of("lpar", "lpar01", "rank", "HIGH"),
                        Map.of("managedSystem", "sys570b", "rank", "LOW")));
        RelocationGroup stored = groups.groupOf("web02").orElseThrow();
        assertThat(stored.name()).isEqualTo("web");
        assertThat(stored.cpuHeadroomPercent()).isEqualTo(15);

        ResponseEntity<Map> changed = put("admin", "web", body(List.of("web01"), List.of(), List.of()));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("version", 2).containsEntry("updatedBy", "admin");
        assertThat(groups.groupOf("web02")).isEmpty();

        ResponseEntity<List> list = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/relocation-groups", null,
                List.class);
        assertThat(list.getBody()).extracting(g -> ((Map<?, ?>) g).get("name")).contains("web");
    }

    @Test
    void aBadGroupIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThat(put("reladmin", "bad", body(List.of("w1"), List.of(Map.of("lpar", "x1", "rank", "TOP")),
                List.of())).getBody()).containsEntry("status", 400).containsEntry("field", "candidates");
        assertThat(put("reladmin", "bad", body(List.of("w1"), List.of(), List.of(List.of("w1", "w9"))))
                .getBody()).containsEntry("field", "antiAffinity");
        Map<String, Object> extra = body(List.of("w1"), List.of(), List.of());
        extra.put("updatedBy", "someone-else");
        assertThat(put("reladmin", "bad", extra).getBody()).containsEntry("field", "updatedBy");
        assertThat(put("reladmin", "-bad", body(List.of("w1"), List.of(), List.of())).getBody())
                .containsEntry("field", "name");
        assertThat(groups.find("bad")).isEmpty();

        put("reladmin", "first", body(List.of("w5"), List.of(), List.of()));
        ResponseEntity<Map> taken = put("reladmin", "second", body(List.of("w5"), List.of(), List.of()));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) taken.getBody().get("message")).contains("w5", "first");
        assertThat(groups.find("second")).isEmpty();
    }

    @Test
    void onlyRelocationAdministratorsAndAdministratorsChangeGroups() {
        groups.save("fixed", new RelocationGroup.Definition("d", List.of("w7"), List.of(), List.of(), null, null),
                "admin");

        ResponseEntity<Map> operator = put("operator", "fixed", body(List.of("w8"), List.of(), List.of()));
        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) operator.getBody().get("message")).contains(WparflowGroups.RELOCATION_ADMINS);
        assertThat(TestUsers.call(rest, "operator", HttpMethod.DELETE, "/api/relocation-groups/fixed", null,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/relocation-groups", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(groups.find("fixed").orElseThrow().members()).containsExactly("w7");

        assertThat(TestUsers.call(rest, "reladmin", HttpMethod.DELETE, "/api/relocation-groups/fixed", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/relocation-groups/fixed", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(groups.groupOf("w7")).isEmpty();
    }
}
