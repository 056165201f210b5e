package dev.wparflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wparflow.catalog.InvalidTemplateException;
import dev.wparflow.catalog.RelocationGroup;

/**
 * The body of {@code PUT /api/relocation-groups/{name}}:
 * <pre>
 * {"description": "...", "members": ["web01", "web02"],
 *  "candidates": [{"lpar": "lpar01", "rank": "HIGH"}, {"managedSystem": "sys570b", "rank": "LOW"}],
 *  "antiAffinity": [["web01", "web02"]], "maxWparsPerLpar": 10, "cpuHeadroomPercent": 20}
 * </pre>
 * Any other field is refused, naming it.
 */
final class RelocationGroupRequest {

    private static final Set<String> FIELDS = Set.of("description", "members", "candidates", "antiAffinity",
            "maxWparsPerLpar", "cpuHeadroomPercent");

    private RelocationGroupRequest() {
    }

    static RelocationGroup.Definition of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidTemplateException("members", null, "the body must be a JSON object {\"description\", "
                    + "\"members\", \"candidates\", \"antiAffinity\", \"maxWparsPerLpar\", \"cpuHeadroomPercent\"}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                String shown = (f.length() > 40 ? f.substring(0, 40) + "..." : f).replaceAll("[^\\x20-\\x7e]", "?");
                throw new InvalidTemplateException(shown, null, "field " + shown + " is not accepted: a relocation "
                        + "group has " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && !description.isTextual()) {
            throw new InvalidTemplateException("description", null, "description must be text");
        }
        List<String> members = strings(body.get("members"), "members", "a list of WPAR names");
        List<RelocationGroup.Candidate> candidates = new ArrayList<>();
        JsonNode list = body.get("candidates");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw candidatesInvalid();
            }
            for (JsonNode c : list) {
                if (!c.isObject() || c.has("lpar") == c.has("managedSystem") || !c.path("rank").isTextual()) {
                    throw candidatesInvalid();
                }
                boolean lpar = c.has("lpar");
                JsonNode target = c.get(lpar ? "lpar" : "managedSystem");
                if (!target.isTextual()) {
                    throw candidatesInvalid();
                }
                candidates.add(new RelocationGroup.Candidate(lpar ? RelocationGroup.Kind.LPAR
                        : RelocationGroup.Kind.MANAGED_SYSTEM, target.asText(), RelocationGroup.rank(c.get("rank")
                                .asText())));
            }
        }
        List<RelocationGroup.Pair> pairs = new ArrayList<>();
        JsonNode pairList = body.get("antiAffinity");
        if (pairList != null && !pairList.isNull()) {
            if (!pairList.isArray()) {
                throw pairsInvalid();
            }
            for (JsonNode p : pairList) {
                if (!p.isArray() || p.size() != 2 || !p.get(0).isTextual() || !p.get(1).isTextual()) {
                    throw pairsInvalid();
                }
                pairs.add(new RelocationGroup.Pair(p.get(0).asText(), p.get(1).asText()));
            }
        }
        return new RelocationGroup.Definition(description == null || description.isNull() ? null
                : description.asText(), members, candidates, pairs, integer(body, "maxWparsPerLpar"),
                integer(body, "cpuHeadroomPercent"));
    }

    private static List<String> strings(JsonNode node, String field, String what) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new InvalidTemplateException(field, null, field + " must be " + what);
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new InvalidTemplateException(field, null, field + " must be " + what);
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isInt()) {
            throw new InvalidTemplateException(field, null, field + " must be a whole number");
        }
        return n.asInt();
    }

    private static InvalidTemplateException candidatesInvalid() {
        return new InvalidTemplateException("candidates", null, "candidates must be a list of {\"lpar\": NAME, "
                + "\"rank\": HIGH|MEDIUM|LOW} or {\"managedSystem\": NAME, \"rank\": ...}");
    }

    private static InvalidTemplateException pairsInvalid() {
        return new InvalidTemplateException("antiAffinity", null,
                "antiAffinity must be a list of pairs of WPAR names: [[\"web01\", \"web02\"]]");
    }
}
