package dev.wparflow.aix;

import java.util.Map;

/**
 * One WPAR as lswpar lists it. From the default table all five columns are set; from {@code lswpar -c} only the
 * requested fields are, the others are {@code null} ({@link WparState#UNKNOWN}/{@link WparType#UNKNOWN} for
 * state/type); {@code fields} holds every field by its lswpar field name.
 */
public record WparInfo(String name, WparState state, WparType type, String hostname, String directory,
        Map<String, String> fields) {

    public WparInfo {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
