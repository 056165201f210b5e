package dev.wparflow.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a process takes from outside, declared once beside its Variables class and registered by process key
 * (a Spring bean). An operation ({@link #operation}) may be started by an authenticated user with exactly
 * these inputs; a sub-process ({@link #subProcess}) is started only by its parents' call activities. A
 * process without a contract cannot be started by anyone from outside.
 *
 * @param calledBy the process keys whose call activities may start this process (with any variables they map)
 * @param internal variables the process itself sets that a start must never carry, named so the refusal can
 *                 say so (every undeclared name is refused anyway)
 */
public record InputContract(String processKey, boolean operation, List<InputField> fields, Set<String> calledBy,
        Set<String> internal, List<CrossRule> crossRules) {

    public InputContract {
        fields = List.copyOf(fields);
        calledBy = Set.copyOf(calledBy);
        internal = Set.copyOf(internal);
        crossRules = List.copyOf(crossRules);
    }

    /**
     * A rule over several inputs, checked after each input passed its own: {@code check} gets the given non-blank
     * values (stripped text) by name and returns null when they pass, else the rule they break, blamed on {@code field}.
     */
    public record CrossRule(String field, String description,
            java.util.function.Function<Map<String, String>, String> check) {
    }

    /** A top-level operation with these inputs. */
    public static InputContract operation(String processKey, InputField... fields) {
        return new InputContract(processKey, true, List.of(fields), Set.of(), Set.of(), List.of());
    }

    /** Started only by the call activities of {@code parents}; never directly. */
    public static InputContract subProcess(String processKey, String... parents) {
        return new InputContract(processKey, false, List.of(), Set.of(parents), Set.of(), List.of());
    }

    /** Also started by the call activities of {@code parents} (with the variables they pass). */
    public InputContract calledBy(String... parents) {
        return new InputContract(processKey, operation, fields, Set.of(parents), internal, crossRules);
    }

    public InputContract internal(String... names) {
        return new InputContract(processKey, operation, fields, calledBy, Set.of(names), crossRules);
    }

    /** Adds a rule over several inputs ({@link CrossRule}). */
    public InputContract crossRule(String field, String description,
            java.util.function.Function<Map<String, String>, String> check) {
        List<CrossRule> rules = new java.util.ArrayList<>(crossRules);
        rules.add(new CrossRule(field, description, check));
        return new InputContract(processKey, operation, fields, calledBy, internal, rules);
    }

    public Map<String, InputField> byName() {
        Map<String, InputField> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.name(), f));
        return map;
    }

    /** A start value as REST or the engine carries it: its Camunda value type name (null: untyped) and value. */
    public record Given(String valueType, Object value) {
    }

    /**
     * Refuses, naming the field and the rule: a name the contract does not declare, a value of the wrong type,
     * over its length or breaking its rule, a missing required input. Blank optional values count as absent.
     */
    public void check(Map<String, Given> given) {
        if (!operation) {
            throw InputRefusedException.start(calledBy.isEmpty()
                    ? processKey + " is a sub-process of the application: only the application starts it, never directly"
                    : processKey + " is a sub-process: it is started only by the call activity of "
                            + String.join(" or ", calledBy.stream().sorted().toList()) + ", never directly");
        }
        Map<String, InputField> declared = byName();
        for (Map.Entry<String, Given> entry : given.entrySet()) {
            String name = entry.getKey();
            InputField field = declared.get(name);
            if (field == null) {
                throw InputRefusedException.field(processKey, printable(name), internal.contains(name)
                        ? "is set by the process itself and cannot be given at the start"
                        : "is not an input of " + processKey + " (inputs: " + String.join(", ", declared.keySet()) + ")");
            }
            check(field, entry.getValue());
        }
        for (InputField field : fields) {
            if (field.required() && blank(given.get(field.name()))) {
                throw InputRefusedException.field(processKey, field.name(), "is required (" + describe(field) + ")");
            }
        }
        if (!crossRules.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            given.forEach((name, value) -> {
                if (!blank(value)) {
                    values.put(name, value.value().toString().strip());
                }
            });
            for (CrossRule rule : crossRules) {
                String broken = rule.check().apply(values);
                if (broken != null) {
                    throw InputRefusedException.field(processKey, rule.field(), broken);
                }
            }
        }
    }

    private void check(InputField field, Given given) {
        if (blank(given)) {
            return;
        }
        String typeRefusal = field.type().refusal(given.valueType(), given.value());
        if (typeRefusal != null) {
            throw InputRefusedException.field(processKey, field.name(), typeRefusal);
        }
        String text = given.value() instanceof java.util.Date d ? d.toInstant().toString() : given.value().toString();
        if (text.length() > field.maxLength()) {
            throw InputRefusedException.field(processKey, field.name(),
                    "must be at most " + field.maxLength() + " characters, not " + text.length());
        }
        String broken;
        try {
            broken = field.check().apply(text.strip());
        } catch (IllegalArgumentException e) {
            broken = e.getMessage();
        }
        if (broken != null) {
            throw InputRefusedException.field(processKey, field.name(), broken);
        }
    }

    private static boolean blank(Given given) {
        return given == null || given.value() == null || given.value().toString().isBlank();
    }

    static String describe(InputField field) {
        return field.type().description() + (field.rule() == null ? "" : ", " + field.rule());
    }

    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return shown.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
