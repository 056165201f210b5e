package dev.wparflow.process.preflight;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code wparflow.preflight.*}: whether an operation on a host whose last preflight failed is refused at its start
 * ({@code required}), what happens to a host never preflighted ({@code unknown}: allow or refuse), how many hosts
 * one run checks at the same time ({@code parallel-hosts}), and whether the hosts without a preflight are checked
 * when the application is ready ({@code at-start}).
 */
@Component
public class PreflightSettings {

    /** What the gate does with a host that was never preflighted. */
    public enum Unknown { ALLOW, REFUSE }

    private final boolean required;
    private final Unknown unknown;
    private final int parallelHosts;
    private final boolean atStart;

    public PreflightSettings(@Value("${wparflow.preflight.required:false}") boolean required,
            @Value("${wparflow.preflight.unknown:allow}") String unknown,
            @Value("${wparflow.preflight.parallel-hosts:4}") int parallelHosts,
            @Value("${wparflow.preflight.at-start:false}") boolean atStart) {
        this.required = required;
        this.unknown = switch (unknown.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "allow" -> Unknown.ALLOW;
            case "refuse" -> Unknown.REFUSE;
            default -> throw new IllegalArgumentException("wparflow.preflight.unknown must be allow or refuse, not '"
                    + unknown + "'");
        };
        if (parallelHosts < 1) {
            throw new IllegalArgumentException("wparflow.preflight.parallel-hosts must be at least 1");
        }
        this.parallelHosts = parallelHosts;
        this.atStart = atStart;
    }

    public boolean required() {
        return required;
    }

    public Unknown unknown() {
        return unknown;
    }

    public int parallelHosts() {
        return parallelHosts;
    }

    public boolean atStart() {
        return atStart;
    }
}
