package dev.wparflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wparflow.catalog.InvalidTemplateException;

/**
 * The body of {@code PUT /api/templates/{name}}: only {@code description}, {@code spec} and {@code requiredFilesets};
 * any other field is refused, so who changed a template can only be the authenticated caller.
 */
record TemplateRequest(String description, String spec, List<String> requiredFilesets) {

    private static final Set<String> FIELDS = Set.of("description", "spec", "requiredFilesets");

    static TemplateRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidTemplateException("spec", null,
                    "the body must be a JSON object {\"description\", \"spec\", \"requiredFilesets\"}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                String shown = f.length() > 40 ? f.substring(0, 40) + "..." : f;
                shown = shown.replaceAll("[^\\x20-\\x7e]", "?");
                throw new InvalidTemplateException(shown, null, "field " + shown + " is not accepted: a template has "
                        + "description, spec and requiredFilesets; who changed it is the authenticated user");
            }
        });
        JsonNode spec = body.get("spec");
        if (spec == null || !spec.isTextual()) {
            throw new InvalidTemplateException("spec", null, "spec (the spec file's text) is required");
        }
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            throw new InvalidTemplateException("description", null, "description must be text");
        }
        List<String> filesets = new ArrayList<>();
        JsonNode list = body.get("requiredFilesets");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new InvalidTemplateException("requiredFilesets", null,
                        "requiredFilesets must be a list of fileset names");
            }
            for (JsonNode f : list) {
                if (!f.isTextual()) {
                    throw new InvalidTemplateException("requiredFilesets", null,
                            "requiredFilesets must be a list of fileset names");
                }
                filesets.add(f.asText());
            }
        }
        return new TemplateRequest(description == null || description.isNull() ? null : description.asText(),
                spec.asText(), filesets);
    }
}
