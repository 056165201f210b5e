package dev.wparflow.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The simulated fleets tests start, as YAML files under {@code src/test/resources/fleets/}. */
public final class TestFleets {

    private TestFleets() {
    }

    /** The text of {@code fleets/<name>.yaml}. */
    public static String yaml(String name) {
        String resource = "fleets/" + name + ".yaml";
        try (InputStream in = TestFleets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fleet " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
