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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.wparflow.aix.WparSpec;
import dev.wparflow.catalog.InvalidTemplateException;
import dev.wparflow.catalog.TemplateCatalog;
import dev.wparflow.catalog.WparTemplate;
import dev.wparflow.security.WparflowGroups;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The WPAR template catalog: spec files (Redbook 7.2) that WparProvisioningProcess creates WPARs from. Reading is open
 * to every authenticated user; creating, changing and deleting a template is for camunda-admin and
 * wparflow-template-admins. Who changed a template is the authenticated caller, never a field of the request.
 *
 * <pre>
 * GET    /api/templates           every template with a summary of its spec, by name
 * GET    /api/templates/{name}    the same for one, with the spec text; Accept: text/plain gives only the spec file
 * PUT    /api/templates/{name}    {"description", "spec", "requiredFilesets"}: 201 created, 200 updated (version+1);
 *                                 with If-Match: "N" (the ETag read) only over version N, else 412
 * DELETE /api/templates/{name}    204; 404 if there is none
 * </pre>
 */
@RestController
@RequestMapping("/api/templates")
public class TemplateController {

    private static final Logger log = LoggerFactory.getLogger(TemplateController.class);

    private final TemplateCatalog catalog;
    private final IdentityService identity;

    public TemplateController(TemplateCatalog catalog, IdentityService identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    /** What the spec asks for, read from it: what a provisioning checks against the target LPAR. */
    public record SpecSummary(boolean checkpointable, long localFileSystemsMb, List<String> volumeGroups,
            Map<String, String> resourceControls, boolean network) {

        static SpecSummary of(WparSpec spec) {
            return new SpecSummary(spec.checkpointable(), spec.localFileSystemsMb(), spec.volumeGroups(),
                    spec.resourceControls().asKeywords(),
                    spec.stanzas().stream().anyMatch(s -> s.name().equals("network")));
        }
    }

    /**
     * A template as the API shows it; {@code spec} only for one template. {@code specProblem} instead of a summary when
     * the stored spec no longer passes (rules tightened after it was saved), so one such template does not hide the
     * others.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateView(String name, String description, long version, String updatedBy, Instant updatedAt,
            List<String> requiredFilesets, SpecSummary summary, String specProblem, String spec) {

        static TemplateView of(WparTemplate t, boolean withSpec) {
            SpecSummary summary = null;
            String problem = null;
            try {
                summary = SpecSummary.of(t.spec());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            return new TemplateView(t.name(), t.description(), t.version(), t.updatedBy(), t.updatedAt(),
                    t.requiredFilesets(), summary, problem, withSpec ? t.specText() : null);
        }
    }

    @GetMapping
    @Operation(summary = "WPAR templates by name, each with a summary of its spec: checkpointable, local file "
            + "systems (MB), volume groups, resource controls, whether it carries a network stanza")
    public List<TemplateView> list() {
        return catalog.list().stream().map(t -> TemplateView.of(t, false)).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One WPAR template with its spec text; with Accept: text/plain only the spec file")
    public ResponseEntity<?> detail(@PathVariable String name,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        WparTemplate t = catalog.find(name).orElseThrow(() -> new NotFound("no template " + name));
        if (wantsPlainText(accept)) {
            return ResponseEntity.ok().eTag(etag(t)).contentType(MediaType.TEXT_PLAIN).body(t.specText());
        }
        return ResponseEntity.ok().eTag(etag(t)).contentType(MediaType.APPLICATION_JSON).body(TemplateView.of(t, true));
    }

    @PutMapping("/{name}")
    @Operation(summary = "Create (201) or change (200, version+1) a WPAR template from {\"description\", \"spec\", "
            + "\"requiredFilesets\"}; a bad spec is a 400 naming the field and the spec's line "
            + "(camunda-admin, wparflow-template-admins); with If-Match (the ETag, the version read) only over "
            + "that version, else 412")
    public ResponseEntity<TemplateView> put(@PathVariable String name, @RequestBody(required = false) JsonNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String user = requireTemplateAdmin();
        TemplateRequest request = TemplateRequest.of(body);
        TemplateCatalog.Saved saved = catalog.save(name, request.description(), request.spec(),
                request.requiredFilesets(), user, expectedVersion(ifMatch));
        WparTemplate t = saved.template();
        if (saved.changed()) {
            log.info("template {} {} by {}: version {}", name, saved.created() ? "created" : "changed", user,
                    t.version());
        }
        TemplateView view = TemplateView.of(t, true);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/templates/" + t.name())).eTag(etag(t)).body(view)
                : ResponseEntity.ok().eTag(etag(t)).body(view);
    }

    /** The version as an entity tag: a PUT with {@code If-Match} of what was read fails (412) if it changed meanwhile. */
    private static String etag(WparTemplate t) {
        return "\"" + t.version() + "\"";
    }

    /** The version {@code If-Match: "N"} names; null without the header. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.matches("\\d{1,18}")) {
            throw new InvalidTemplateException("If-Match", null,
                    "If-Match must be the ETag of the template as read, such as \"3\" (its version)");
        }
        return Long.valueOf(tag);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a WPAR template: 204, 404 if there is none (camunda-admin, wparflow-template-admins)")
    public ResponseEntity<Void> delete(@PathVariable String name) {
        String user = requireTemplateAdmin();
        if (!catalog.delete(name)) {
            throw new NotFound("no template " + name);
        }
        log.info("template {} deleted by {}", name, user);
        return ResponseEntity.noContent().build();
    }

    /** text/plain when the caller prefers it to JSON; JSON for anything else, including no Accept and {@code *}/{@code *}. */
    static boolean wantsPlainText(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            MimeTypeUtils.sortBySpecificity(types);
            for (MediaType type : types) {
                if (type.isWildcardType()) {
                    return false;
                }
                if (type.includes(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return false;
                }
                if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
                    return true;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    /** The caller (set by the REST authentication filter) must be an administrator or a template administrator. */
    private String requireTemplateAdmin() {
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null) {
            throw new Forbidden("no authenticated user");
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        if (!groups.contains(WparflowGroups.ADMINS) && !groups.contains(WparflowGroups.TEMPLATE_ADMINS)) {
            throw new Forbidden("user " + auth.getUserId() + " is not in " + WparflowGroups.TEMPLATE_ADMINS + " or "
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
        return error(HttpStatus.FORBIDDEN, e.getMessage(), null, null);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null, null);
    }

    @ExceptionHandler(TemplateCatalog.VersionConflict.class)
    ResponseEntity<Map<String, Object>> conflict(TemplateCatalog.VersionConflict e) {
        return error(HttpStatus.PRECONDITION_FAILED, e.getMessage(), "If-Match", null);
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidTemplateException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), e.line());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the body is not JSON: {\"description\", \"spec\", \"requiredFilesets\"}",
                null, null);
    }

    /** The /api error body ({@code status}, {@code message}), with the refused {@code field} and spec {@code line}. */
    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String field,
            Integer line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        if (line != null) {
            body.put("line", line);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
