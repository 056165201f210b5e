package dev.wparflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.testsupport.TestUsers;

/**
 * /api/images: anyone logged in reads the catalog; marking an image golden or taking the mark off needs
 * wparflow-operators or camunda-admin (an approver is refused, anonymous is 401), only a GOOD image can be marked,
 * and the list filters by the mark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImageApiIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    ImageCatalog catalog;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "operator", "wparflow-operators");
        TestUsers.ensure(identityService, "approver", "wparflow-approvers");
        TestUsers.ensure(identityService, "admin", "camunda-admin");
    }

    CatalogImage image(String wpar) {
        String path = "/images/lpar00_" + wpar + "_" + UUID.randomUUID() + ".save";
        return catalog.record(new ImageCatalog.NewImage("lpar00", wpar, Instant.now(), path, null, null, 100, 10,
                "sha1:00", "6100-02-01-0847", "spec", "image.data", null, null));
    }

    ResponseEntity<Map> golden(String user, HttpMethod method, String id) {
        return TestUsers.call(rest, user, method, "/api/images/" + id + "/golden", null, Map.class);
    }

    @Test
    void anOperatorMarksAnImageGoldenAndAnAdministratorTakesTheMarkOff() {
        CatalogImage img = image("gold01");

        ResponseEntity<Map> marked = golden("operator", HttpMethod.PUT, img.id());
        assertThat(marked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(marked.getBody()).containsEntry("id", img.id()).containsEntry("golden", true)
                .containsEntry("specText", null).containsEntry("goldenChangedBy", "operator");
        CatalogImage markedRow = catalog.find(img.id()).orElseThrow();
        assertThat(markedRow.golden()).isTrue();
        assertThat(markedRow.goldenChangedAt()).isNotNull();
        assertThat(golden("admin", HttpMethod.PUT, img.id()).getStatusCode()).as("again: no change, no error")
                .isEqualTo(HttpStatus.OK);
        assertThat(catalog.find(img.id()).orElseThrow()).as("no change: the one who marked it stays on record")
                .satisfies(i -> assertThat(i.goldenChangedBy()).isEqualTo("operator"))
                .satisfies(i -> assertThat(i.goldenChangedAt()).isEqualTo(markedRow.goldenChangedAt()));

        ResponseEntity<List> goldenOnes = TestUsers.call(rest, "approver", HttpMethod.GET,
                "/api/images?wpar=gold01&golden=true", null, List.class);
        assertThat(goldenOnes.getBody()).singleElement().satisfies(i -> assertThat((Map<String, Object>) i)
                .containsEntry("id", img.id()));
        assertThat(TestUsers.call(rest, "approver", HttpMethod.GET, "/api/images?wpar=gold01&golden=false", null,
                List.class).getBody()).isEmpty();

        ResponseEntity<Map> unmarked = golden("admin", HttpMethod.DELETE, img.id());
        assertThat(unmarked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unmarked.getBody()).containsEntry("golden", false).containsEntry("goldenChangedBy", "admin");
        assertThat(catalog.find(img.id()).orElseThrow().golden()).isFalse();
    }

    @Test
    void onlyOperatorsAndAdministratorsMayChangeTheMark() {
        CatalogImage img = image("gold02");

        assertThat(golden(null, HttpMethod.PUT, img.id()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> approver = golden("approver", HttpMethod.PUT, img.id());
        assertThat(approver.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) approver.getBody().get("message")).contains("approver", "wparflow-operators",
                "camunda-admin");
        assertThat(catalog.find(img.id()).orElseThrow().golden()).isFalse();

        catalog.setGolden(img.id(), true, "operator");
        assertThat(golden("approver", HttpMethod.DELETE, img.id()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(golden(null, HttpMethod.DELETE, img.id()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(catalog.find(img.id()).orElseThrow().golden()).isTrue();
        assertThat(TestUsers.call(rest, "approver", HttpMethod.GET, "/api/images/" + img.id(), null, Map.class)
                .getBody()).containsEntry("golden", true).containsEntry("specText", "spec");
    }

    @Test
    void aDeletedImageCannotBeMarkedAndAnUnknownOneIsNotFound() {
        CatalogImage img = image("gold03");
        catalog.markDeleted(img.id(), "retention");

        ResponseEntity<Map> refused = golden("operator", HttpMethod.PUT, img.id());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("message")).contains("DELETED");
        assertThat(catalog.find(img.id()).orElseThrow().golden()).isFalse();
        assertThat(golden("operator", HttpMethod.PUT, "no-such-image").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(golden("operator", HttpMethod.DELETE, img.id()).getStatusCode()).as("unmarking is always possible")
                .isEqualTo(HttpStatus.OK);
    }
}
