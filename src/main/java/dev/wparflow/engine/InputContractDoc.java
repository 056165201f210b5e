package dev.wparflow.engine;

import java.util.Collection;
import java.util.stream.Collectors;

/** The input contracts as the Markdown tables of docs/security.md (a test keeps the document equal to this). */
public final class InputContractDoc {

    private InputContractDoc() {
    }

    public static String markdown(Collection<InputContract> contracts) {
        StringBuilder md = new StringBuilder();
        for (InputContract contract : contracts) {
            md.append("#### `").append(contract.processKey()).append("`\n\n");
            if (!contract.operation()) {
                md.append(contract.calledBy().isEmpty() ? "Started by the application only, never from outside.\n\n"
                        : "Sub-process: started only by the call activity of " + keys(contract) + ".\n\n");
                continue;
            }
            if (!contract.calledBy().isEmpty()) {
                md.append("Also called by ").append(keys(contract)).append(" (with the variables it maps).\n\n");
            }
            if (contract.fields().isEmpty()) {
                md.append("No inputs.\n\n");
            } else {
                md.append("| input | type | required | default | rule |\n|---|---|---|---|---|\n");
                for (InputField field : contract.fields()) {
                    md.append("| `").append(field.name()).append("` | ").append(field.type().description())
                            .append(" | ").append(field.required() ? "yes" : "no")
                            .append(" | ").append(field.defaultValue() == null ? "—" : cell(field.defaultValue()))
                            .append(" | ").append(cell(rule(field))).append(" |\n");
                }
                md.append('\n');
            }
            for (InputContract.CrossRule rule : contract.crossRules()) {
                md.append("Also: ").append(rule.description()).append(".\n\n");
            }
            if (!contract.internal().isEmpty()) {
                md.append("Never accepted at the start (set by the process): ")
                        .append(contract.internal().stream().sorted().map(n -> "`" + n + "`")
                                .collect(Collectors.joining(", ")))
                        .append(".\n\n");
            }
        }
        return md.toString();
    }

    private static String rule(InputField field) {
        String rule = field.rule() == null ? "" : field.rule();
        if (field.type() != InputType.TEXT) {
            return rule.isEmpty() ? "—" : rule;
        }
        String length = "at most " + field.maxLength() + " characters";
        return rule.isEmpty() ? length : rule + "; " + length;
    }

    private static String keys(InputContract contract) {
        return contract.calledBy().stream().sorted().map(k -> "`" + k + "`").collect(Collectors.joining(" or "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "\\`");
    }
}
