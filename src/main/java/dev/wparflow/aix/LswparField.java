package dev.wparflow.aix;

/**
 * Field names for {@code lswpar -a} (IBM lswpar reference; the Redbook never shows -a/-c, digest §0.1). The
 * default {@code lswpar -c} field order starts name:state:type:hostname:directory (as scripts cutting field 2 for
 * the state rely on).
 */
public enum LswparField {
    NAME("name"),
    STATE("state"),
    TYPE("type"),
    HOSTNAME("hostname"),
    DIRECTORY("directory"),
    OWNER("owner"),
    SCRIPT("script"),
    AUTO("auto"),
    PRIVATEUSR("privateusr"),
    CHECKPOINTABLE("checkpointable"),
    APPLICATION("application"),
    KEY("key");

    private final String fieldName;

    LswparField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
