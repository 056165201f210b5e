package dev.wparflow.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wparflow.catalog.InvalidTemplateException;
import dev.wparflow.catalog.RelocationGroup;
import dev.wparflow.catalog.RelocationGroups;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Relocation groups (Redbook 5.7; docs/evacuation.md): WPARs with ranked candidate LPARs or managed systems,
 * anti-affinity pairs and capacity rules, used by "choose for me" of a relocation and by EvacuationProcess. Reading is
 * open to every authenticated user; creating, changing and deleting a group is for camunda-admin and
 * wparflow-relocation-admins. Who changed a group is the authenticated caller, never a field of the request.
 *
 * <pre>
 * GET    /api/relocation-groups          every group, by name
 * GET    /api/relocation-groups/{name}   one group
 * PUT    /api/relocation-groups/{name}   {"description", "members", "candidates", "antiAffinity", "maxWparsPerLpar",
 *                                        "cpuHeadroomPercent"}: 201 created, 200 changed (version+1)
 * DELETE /api/relocation-groups/{name}   204; 404 if there is none
 * </pre>
 */
@RestController
@RequestMapping("/api/relocation-groups")
public class RelocationGroupController {

    private static final Logger log = LoggerFactory.getLogger(RelocationGroupController.class);

    private final RelocationGroups groups;
    private final IdentityService identity;

    public RelocationGroupController(RelocationGroups groups, IdentityService identity) {
        this.groups = groups;
        this.identity = identity;
    }

    /** A group as the API shows it: candidates and pairs in the shape a PUT takes them. */
    public record GroupView(String name, String description, List<String> members,
            List<Map<String, String>> candidates, List<List<String>> antiAffinity, Integer maxWparsPerLpar,
            Integer cpuHeadroomPercent, long version, String updatedBy, Instant updatedAt) {

        static GroupView of(RelocationGroup g) {
            List<Map<String, String>> candidates = g.candidates().stream().map(c -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put(c.kind() == RelocationGroup.Kind.LPAR ? "lpar" : "managedSystem", c.target());
                m.put("rank", c.rank().name());
                return m;
            }).toList();
            return new GroupView(g.name(), g.description(), g.members(), candidates,
                    g.antiAffinity().stream().map(p -> List.of(p.first(), p.second())).toList(), g.maxWparsPerLpar(),
                    g.cpuHeadroomPercent(), g.version(), g.updatedBy(), g.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Relocation groups by name: members, ranked candidates, anti-affinity pairs, capacity rules")
    public List<GroupView> list() {
        return groups.list().stream().map(GroupView::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One relocation group")
    public GroupView detail(@PathVariable String name) {
        return groups.find(name).map(GroupView::of).orElseThrow(() -> new NotFound("no relocation group " + name));
    }

    @PutMapping("/{name}")
    @Operation(summary = "Create (201) or change (200, version+1) a relocation group from {\"description\", "
            + "\"members\", \"candidates\": [{\"lpar\"|\"managedSystem\", \"rank\": HIGH|MEDIUM|LOW}], "
            + "\"antiAffinity\": [[WPAR, WPAR]], \"maxWparsPerLpar\", \"cpuHeadroomPercent\"}; a bad group is a 400 "
            + "naming the field (camunda-admin, wparflow-relocation-admins)")
    public ResponseEntity<GroupView> put(@PathVariable String name, @RequestBody(required = false) JsonNode body) {
        String user = requireRelocationAdmin();
        RelocationGroups.Saved saved = groups.save(name, RelocationGroupRequest.of(body), user);
        log.info("relocation group {} {} by {}: version {}", name, saved.created() ? "created" : "changed", user,
                saved.group().version());
        GroupView view = GroupView.of(saved.group());
        return saved.created() ? ResponseEntity.created(URI.create("/api/relocation-groups/" + name)).body(view)
                : ResponseEntity.ok(view);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a relocation group: 204, 404 if there is none (camunda-admin, "
            + "wparflow-relocation-admins)")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        String user = requireRelocationAdmin();
        if (!groups.delete(name)) {
            throw new NotFound("no relocation group " + name);
        }
        log.info("relocation group {} deleted by {}", name, user);
        return ResponseEntity.noContent().build();
    }

    private String requireRelocationAdmin() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null) {
            throw new Forbidden("no authenticated user");
        }
        List<String> memberOf = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (!memberOf.contains(WparflowGroups.ADMINS) && !memberOf.contains(WparflowGroups.RELOCATION_ADMINS)) {
            throw new Forbidden("user " + auth.getUserId() + " is not in " + WparflowGroups.RELOCATION_ADMINS + " or "
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

    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return ApiError.of(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return ApiError.of(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidTemplateException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "the body is not JSON", null);
    }
}
