package dev.wparflow.catalog;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.wparflow.catalog.RelocationGroup.Candidate;
import dev.wparflow.catalog.RelocationGroup.Kind;
import dev.wparflow.catalog.RelocationGroup.Pair;
import dev.wparflow.catalog.RelocationGroup.Rank;

/**
 * The demo's relocation groups (embedded default), for the WPARs of the demo fleet (deploy/simulator/fleet.yaml):
 * {@code sydney-web}, the WPARs of sydney with canberra ranked High and managed system sys570a Low, gordon and roy
 * never on one system; {@code canberra-apps}, canberra's WPARs with sydney High, at most 8 WPARs per LPAR and 10%
 * CPU headroom. Seeded only when there is no group, so groups an operator changed or deleted stay as they are.
 */
@Component
@ConditionalOnProperty(name = "wparflow.demo.enabled", havingValue = "true")
public class DemoRelocationGroups {

    static final String SEEDED_BY = "wparflow";

    private static final Logger log = LoggerFactory.getLogger(DemoRelocationGroups.class);

    static final List<Demo> DEMOS = List.of(
            new Demo("sydney-web", new RelocationGroup.Definition(
                    "The WPARs of sydney: canberra first, then any LPAR of sys570a; gordon and roy apart",
                    List.of("gordon", "kenny", "roy", "skippy"),
                    List.of(new Candidate(Kind.LPAR, "canberra", Rank.HIGH),
                            new Candidate(Kind.MANAGED_SYSTEM, "sys570a", Rank.LOW)),
                    List.of(new Pair("gordon", "roy")), null, null)),
            new Demo("canberra-apps", new RelocationGroup.Definition(
                    "The WPARs of canberra: sydney first, at most 8 WPARs per LPAR, 10% CPU left free",
                    List.of("harold", "newcastle", "nitro"),
                    List.of(new Candidate(Kind.LPAR, "sydney", Rank.HIGH),
                            new Candidate(Kind.LPAR, "lpar01", Rank.MEDIUM)),
                    List.of(), 8, 10)));

    record Demo(String name, RelocationGroup.Definition definition) {
    }

    private final RelocationGroups groups;

    public DemoRelocationGroups(RelocationGroups groups) {
        this.groups = groups;
    }

    @EventListener
    @Order(3)
    public void onStarted(ApplicationStartedEvent event) {
        seedIfEmpty();
    }

    int seedIfEmpty() {
        if (!groups.list().isEmpty()) {
            return 0;
        }
        for (Demo demo : DEMOS) {
            groups.save(demo.name(), demo.definition(), SEEDED_BY);
        }
        log.info("seeded the relocation groups with the demo groups {}", DEMOS.stream().map(Demo::name).toList());
        return DEMOS.size();
    }
}
