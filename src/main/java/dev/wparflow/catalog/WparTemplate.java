package dev.wparflow.catalog;

import java.time.Instant;
import java.util.List;

import dev.wparflow.aix.WparSpec;

/**
 * A template of the catalog (wparflow_template): a spec file (Redbook 7.2) that new WPARs are created from with
 * {@code mkwpar -f}, the filesets the target LPAR must have, who changed it last and its version (raised by every
 * change). The text was validated by {@link TemplateRules} when it was stored.
 */
public record WparTemplate(String name, String description, String specText, List<String> requiredFilesets,
        String updatedBy, Instant updatedAt, long version) {

    public WparTemplate {
        requiredFilesets = List.copyOf(requiredFilesets);
    }

    /** The parsed spec. */
    public WparSpec spec() {
        return WparSpec.parse(specText);
    }
}
