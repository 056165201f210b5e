package dev.wparflow.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's templates (embedded default, like the demo users): {@code small} and {@code checkpointable-web}, spec
 * files under {@code demo-templates/} that mkwpar -f accepts on the demo fleet (deploy/simulator/fleet.yaml). Seeded
 * only into an empty catalog, so templates an operator changed or deleted stay as they are across restarts.
 */
@Component
@ConditionalOnProperty(name = "wparflow.demo.enabled", havingValue = "true")
public class DemoTemplates {

    static final String SEEDED_BY = "wparflow";

    private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);

    record Demo(String name, String description, List<String> requiredFilesets) {
        String specText() {
            try (InputStream in = DemoTemplates.class.getResourceAsStream("/demo-templates/" + name + ".spec")) {
                if (in == null) {
                    throw new IllegalStateException("demo template " + name + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("small", "System WPAR with the Redbook's default file systems in rootvg (512 MB), /usr and "
                    + "/opt shared read-only, no network stanza (give the address with the request)",
                    List.of("bos.wpars")),
            new Demo("checkpointable-web", "Checkpointable system WPAR for live mobility: file systems on "
                    + "lpar02:/wpar_share/web over NFS, 20 CPU shares, CPU 5%-30%,50%",
                    List.of("bos.wpars", "mcr.rte")));

    private final TemplateCatalog catalog;

    public DemoTemplates(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @EventListener
    @Order(3)
    public void onStarted(ApplicationStartedEvent event) {
        seedIfEmpty();
    }

    /** Saves the demo templates when the catalog has none; returns how many it saved. */
    int seedIfEmpty() {
        if (!catalog.list().isEmpty()) {
            return 0;
        }
        for (Demo demo : DEMOS) {
            catalog.save(demo.name(), demo.description(), demo.specText(), demo.requiredFilesets(), SEEDED_BY);
        }
        log.info("seeded the template catalog with the demo templates {}", DEMOS.stream().map(Demo::name).toList());
        return DEMOS.size();
    }
}
