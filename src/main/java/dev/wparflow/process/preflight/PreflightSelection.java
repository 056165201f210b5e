package dev.wparflow.process.preflight;

import java.util.Arrays;
import java.util.List;

/** The {@code hosts} input: names separated by commas or blanks, each once, in the order given. */
final class PreflightSelection {

    private PreflightSelection() {
    }

    static List<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.strip().split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
