package dev.wparflow.simulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The AIX stanza format of spec files, .cf files and image.data: {@code name:} then {@code attr = value} lines. */
public final class Stanzas {
    public record Stanza(String name, Map<String, String> attrs) {
        public String get(String key) {
            return attrs.get(key);
        }

        public String get(String key, String dflt) {
            return attrs.getOrDefault(key, dflt);
        }
    }

    private Stanzas() {
    }

    /** Parses stanzas; accepts {@code a = "v"}, {@code a = v} and image.data's {@code A= v}; ignores # comments. */
    public static List<Stanza> parse(String text) {
        List<Stanza> out = new ArrayList<>();
        Stanza current = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 && line.endsWith(":")) {
                current = new Stanza(line.substring(0, line.length() - 1).strip(), new LinkedHashMap<>());
                out.add(current);
                continue;
            }
            if (eq > 0 && current != null) {
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                current.attrs().put(key, value);
            }
        }
        return out;
    }

    public static List<Stanza> named(List<Stanza> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).toList();
    }

    public static Stanza first(List<Stanza> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
