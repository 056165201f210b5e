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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.catalog.WparTemplate;
import dev.wparflow.security.WparflowGroups;
import dev.wparflow.testsupport.BothDatabases;
import dev.wparflow.testsupport.SelectedDatabase;
import dev.wparflow.testsupport.TestUsers;

/**
 * /api/templates: anyone logged in reads the templates (JSON with a summary of the spec, or the spec file itself as
 * text/plain); only camunda-admin and wparflow-template-admins create, change and delete them (an operator is
 * refused, anonymous is 401); the updater is the caller; a bad template is a 400 naming the field and the spec's line.
 * On H2 and PostgreSQL, each in a database of its own.
 */
@BothDatabases
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SelectedDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TemplateControllerIT {

    static final String SPEC = """
            general:
            \tcheckpointable = "no"
            \tauto = "no"

            resources:
            \tactive = "yes"
            \tshares_CPU = "10"

            mount:
            \tlogname = "INLINE"
            \tdirectory = "/"
            \tvfs = "jfs2"
            \tvg = "rootvg"
            \tsize = "262144"

            mount:
            \tlogname = "INLINE"
            \tdirectory = "/var"
            \tvfs = "jfs2"
            \tvg = "datavg"
            \tsize = "524288"
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    TemplateCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "operator", WparflowGroups.OPERATORS);
        TestUsers.ensure(identityService, "tpladmin", WparflowGroups.TEMPLATE_ADMINS);
        TestUsers.ensure(identityService, "admin", WparflowGroups.ADMINS);
    }

    static Map<String, Object> body(String description, String spec, List<String> filesets) {
        Map<String, Object> body = new HashMap<>();
        body.put("description", description);
        body.put("spec", spec);
        body.put("requiredFilesets", filesets);
        return body;
    }

    ResponseEntity<Map> put(String user, String name, Object body) {
        return TestUsers.call(rest, user, HttpMethod.PUT, "/api/templates/" + name, body, Map.class);
    }

    @Test
    void aTemplateAdministratorCreatesAndChangesATemplateAsThemselves() {
        ResponseEntity<Map> created = put("tpladmin", "web01", body("web tier", SPEC, List.of("bos.wpars")));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/templates/web01");
        assertThat(created.getBody()).containsEntry("name", "web01").containsEntry("version", 1)
                .containsEntry("updatedBy", "tpladmin").containsEntry("spec", SPEC)
                .containsEntry("requiredFilesets", List.of("bos.wpars"));
        assertThat(catalog.find("web01").orElseThrow().updatedBy()).isEqualTo("tpladmin");

        ResponseEntity<Map> changed = put("admin", "web01", body("web tier, more CPU",
                SPEC.replace("shares_CPU = \"10\"", "shares_CPU = \"30\""), List.of("bos.wpars")));

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("version", 2).containsEntry("updatedBy", "admin");
        WparTemplate stored = catalog.find("web01").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.description()).isEqualTo("web tier, more CPU");
        assertThat(stored.spec().resourceControls().sharesCpu()).isEqualTo(30);
    }

    @Test
    void theUpdaterIsNeverAFieldOfTheRequest() {
        Map<String, Object> body = body("d", SPEC, List.of());
        body.put("updatedBy", "somebody-else");

        ResponseEntity<Map> refused = put("tpladmin", "web02", body);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("status", 400).containsEntry("field", "updatedBy");
        assertThat(catalog.find("web02")).isEmpty();
    }

    @Test
    void aBadTemplateIsRefusedNamingTheFieldAndTheSpecLine() {
        ResponseEntity<Map> badSpec = put("tpladmin", "web03",
                body("d", SPEC.replace("size = \"524288\"", "size = \"256M\""), List.of()));
        assertThat(badSpec.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSpec.getBody()).containsEntry("status", 400).containsEntry("field", "spec")
                .containsEntry("line", 21);
        assertThat((String) badSpec.getBody().get("message")).contains("line 21", "mount.size");

        ResponseEntity<Map> checkpointableLocal = put("tpladmin", "web03",
                body("d", SPEC.replace("checkpointable = \"no\"", "checkpointable = \"yes\""), List.of()));
        assertThat(checkpointableLocal.getBody()).containsEntry("field", "spec").containsEntry("line", 12);
        assertThat((String) checkpointableLocal.getBody().get("message")).contains("0960-100");

        assertThat(put("tpladmin", "web03", Map.of("description", "d")).getBody()).containsEntry("field", "spec");
        assertThat(put("tpladmin", "-web03", body("d", SPEC, List.of())).getBody()).containsEntry("field", "name");
        assertThat(put("tpladmin", "web03", body("d", SPEC, List.of("bos.rte;reboot"))).getBody())
                .containsEntry("field", "requiredFilesets");
        assertThat(catalog.find("web03")).isEmpty();
    }

    @Test
    void onlyTemplateAdministratorsAndAdministratorsChangeTemplates() {
        catalog.save("web04", "d", SPEC, List.of(), "admin");

        ResponseEntity<Map> operator = put("operator", "web04", body("mine now", SPEC, List.of()));
        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) operator.getBody().get("message")).contains("operator", WparflowGroups.TEMPLATE_ADMINS,
                WparflowGroups.ADMINS);
        assertThat(TestUsers.call(rest, "operator", HttpMethod.DELETE, "/api/templates/web04", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(null, "web04", body("x", SPEC, List.of())).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.call(rest, null, HttpMethod.GET, "/api/templates", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestUsers.call(rest, null, HttpMethod.DELETE, "/api/templates/web04", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(catalog.find("web04").orElseThrow()).satisfies(t -> {
            assertThat(t.description()).isEqualTo("d");
            assertThat(t.version()).isEqualTo(1);
        });
    }

    @Test
    void anyUserReadsTheTemplatesWithASummaryOfTheSpecOrTheSpecFileItself() {
        catalog.save("web05", "two file systems", SPEC, List.of("mcr.rte"), "admin");

        ResponseEntity<List> list = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/templates", null,
                List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> listed = ((List<Map<String, Object>>) list.getBody()).stream()
                .filter(t -> "web05".equals(t.get("name"))).findFirst().orElseThrow();
        assertThat(listed).containsEntry("description", "two file systems").containsEntry("version", 1)
                .containsEntry("updatedBy", "admin").containsKey("updatedAt").doesNotContainKey("spec");
        assertThat((Map<String, Object>) listed.get("summary")).containsEntry("checkpointable", false)
                .containsEntry("localFileSystemsMb", 384).containsEntry("volumeGroups", List.of("rootvg", "datavg"))
                .containsEntry("resourceControls", Map.of("active", "yes", "shares_CPU", "10"))
                .containsEntry("network", false);

        ResponseEntity<Map> one = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/templates/web05", null,
                Map.class);
        assertThat(one.getBody()).containsEntry("spec", SPEC).containsKey("summary");

        HttpHeaders plain = new HttpHeaders();
        plain.setBasicAuth("operator", TestUsers.password("operator"));
        plain.setAccept(List.of(MediaType.TEXT_PLAIN));
        ResponseEntity<String> file = rest.exchange("/api/templates/web05", HttpMethod.GET, new HttpEntity<>(plain),
                String.class);
        assertThat(file.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(file.getBody()).isEqualTo(SPEC);

        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/templates/nosuch", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletingATemplateIs204ThenItIsGone() {
        catalog.save("web-v1.2", "d", SPEC, List.of(), "admin");

        assertThat(TestUsers.call(rest, "tpladmin", HttpMethod.DELETE, "/api/templates/web-v1.2", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(catalog.find("web-v1.2")).isEmpty();
        ResponseEntity<Map> again = TestUsers.call(rest, "tpladmin", HttpMethod.DELETE, "/api/templates/web-v1.2", null,
                Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.getBody()).containsEntry("status", 404);
        assertThat(TestUsers.call(rest, "operator", HttpMethod.GET, "/api/templates/web-v1.2", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aChangeOverAVersionSomebodyElseChangedMeanwhileIsRefused() {
        catalog.save("web07", "d", SPEC, List.of(), "admin");
        ResponseEntity<Map> read = TestUsers.call(rest, "tpladmin", HttpMethod.GET, "/api/templates/web07", null,
                Map.class);
        assertThat(read.getHeaders().getETag()).isEqualTo("\"1\"");

        ResponseEntity<Map> first = ifMatch("tpladmin", "web07", body("first", SPEC, List.of()), "\"1\"");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"2\"");

        ResponseEntity<Map> second = ifMatch("admin", "web07", body("second", SPEC, List.of()), "\"1\"");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat((String) second.getBody().get("message")).contains("version 2, not 1");
        assertThat(catalog.find("web07").orElseThrow()).satisfies(t -> {
            assertThat(t.description()).isEqualTo("first");
            assertThat(t.updatedBy()).isEqualTo("tpladmin");
        });
        assertThat(ifMatch("admin", "web08", body("new", SPEC, List.of()), "\"1\"").getStatusCode())
                .as("If-Match on a template that does not exist").isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(catalog.find("web08")).isEmpty();
    }

    ResponseEntity<Map> ifMatch(String user, String name, Object body, String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, TestUsers.password(user));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch(etag);
        return rest.exchange("/api/templates/" + name, HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
    }

    @Test
    void aStoredSpecThatNoLongerPassesIsShownWithItsProblemAndHidesNoOtherTemplate() {
        catalog.save("web09", "d", SPEC, List.of(), "admin");
        jdbc.update("INSERT INTO wparflow_template (name, description, spec_text, required_filesets, updated_by, "
                + "updated_at, version) VALUES ('old01', '', 'no stanza here', '', 'admin', CURRENT_TIMESTAMP, 1)");

        ResponseEntity<List> list = TestUsers.call(rest, "operator", HttpMethod.GET, "/api/templates", null,
                List.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> templates = list.getBody();
        assertThat(templates).filteredOn(t -> "old01".equals(t.get("name"))).singleElement()
                .satisfies(t -> assertThat(t).doesNotContainKey("summary").containsKey("specProblem"));
        assertThat(templates).filteredOn(t -> "web09".equals(t.get("name"))).singleElement()
                .satisfies(t -> assertThat(t).containsKey("summary").doesNotContainKey("specProblem"));
    }

    @Test
    void theEndpointsAreInTheOpenApiDescription() {
        ResponseEntity<Map> docs = rest.getForEntity("/v3/api-docs", Map.class);
        assertThat((Map<String, Object>) docs.getBody().get("paths")).containsKeys("/api/templates",
                "/api/templates/{name}");
    }
}
