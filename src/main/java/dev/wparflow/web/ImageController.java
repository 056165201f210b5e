package dev.wparflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.wparflow.catalog.CatalogImage;
import dev.wparflow.catalog.ImageCatalog;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The image catalog. Reading is open to every authenticated user (HTTP Basic, see RestAuthenticationConfig); marking
 * an image golden (a clone source for WparCloneProcess, never deleted by retention) or taking the mark off is for
 * wparflow-operators and camunda-admin.
 *
 * <pre>
 * GET    /api/images?lpar=&amp;wpar=&amp;kind=&amp;state=&amp;golden=&amp;limit=   newest first, without the texts;
 *                                                  kind savewpar (a WPAR's), mksysb or savevg (a global environment's)
 * GET    /api/images/{id}                                  with spec and image.data
 * PUT    /api/images/{id}/golden                           mark golden (a GOOD image only)
 * DELETE /api/images/{id}/golden                           take the mark off
 * </pre>
 */
@RestController
@RequestMapping("/api/images")
public class ImageController {

    private static final Logger log = LoggerFactory.getLogger(ImageController.class);

    private final ImageCatalog catalog;
    private final IdentityService identity;

    public ImageController(ImageCatalog catalog, IdentityService identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    @GetMapping
    @Operation(summary = "Images in the catalog, newest first (without spec and image.data texts): kind savewpar (a"
            + " WPAR's), mksysb or savevg (a global environment's: wpar '-', volumeGroup for savevg)")
    public List<CatalogImage> list(@RequestParam(required = false) String lpar,
            @RequestParam(required = false) String wpar, @RequestParam(required = false) String kind,
            @RequestParam(required = false) CatalogImage.State state,
            @RequestParam(required = false) Boolean golden, @RequestParam(defaultValue = "200") int limit) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind must be one of " + KINDS + ", not '"
                    + kind.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
        return catalog.list(lpar, wpar, kind, state, golden, Math.max(1, Math.min(limit, 5000))).stream()
                .map(CatalogImage::summary).toList();
    }

    static final List<String> KINDS = List.of(CatalogImage.SAVEWPAR, CatalogImage.MKSYSB, CatalogImage.SAVEVG);

    @GetMapping("/{id}")
    @Operation(summary = "One image with its spec file and image.data")
    public CatalogImage detail(@PathVariable String id) {
        return catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no image " + id));
    }

    @PutMapping("/{id}/golden")
    @Operation(summary = "Mark a GOOD image golden: WparCloneProcess clones it without allowNonGolden, retention keeps it "
            + "(wparflow-operators, camunda-admin)")
    public CatalogImage markGolden(@PathVariable String id) {
        return golden(id, true);
    }

    @DeleteMapping("/{id}/golden")
    @Operation(summary = "Take the golden mark off an image (wparflow-operators, camunda-admin)")
    public CatalogImage unmarkGolden(@PathVariable String id) {
        return golden(id, false);
    }

    private CatalogImage golden(String id, boolean golden) {
        String user = requireOperator();
        CatalogImage before = catalog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no image " + id));
        if (!catalog.setGolden(id, golden, user)) {
            throw new Conflict("image " + id + " (" + before.path() + ") is " + before.state()
                    + ": only a GOOD image can be marked golden");
        }
        CatalogImage after = catalog.find(id).orElseThrow();
        if (before.golden() != golden) {
            log.info("image {} ({}/{} {}) {} by {}", id, after.lpar(), after.wpar(), after.path(),
                    golden ? "marked golden" : "no longer golden", user);
        }
        return after.summary();
    }

    /** The caller (set by the REST authentication filter) must be an operator or an administrator. */
    private String requireOperator() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null) {
            throw new Forbidden("no authenticated user");
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (!groups.contains(WparflowGroups.OPERATORS) && !groups.contains(WparflowGroups.ADMINS)) {
            throw new Forbidden("user " + auth.getUserId() + " is not in " + WparflowGroups.OPERATORS + " or "
                    + WparflowGroups.ADMINS);
        }
        return auth.getUserId();
    }

    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(message);
        }
    }

    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, Object>> conflict(Conflict e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
