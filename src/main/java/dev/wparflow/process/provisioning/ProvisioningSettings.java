package dev.wparflow.process.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of WparProvisioningProcess ({@code wparflow.provisioning.*}); the model reads the timeout and the retry
 * cycle in expressions ({@code ${provisioningSettings.createTimeout}}), so a test can make them short.
 */
@Component("provisioningSettings")
public class ProvisioningSettings {

    private final Duration createTimeout;
    private final String retryCycle;
    private final Duration lockLease;
    private final String specDirectory;
    private final String nimResourceDirectory;
    private final Set<String> approvalExempt;

    @Autowired
    public ProvisioningSettings(@Value("${wparflow.provisioning.create-timeout:PT2H}") Duration createTimeout,
            @Value("${wparflow.provisioning.retry-cycle:R3/PT10S}") String retryCycle,
            @Value("${wparflow.provisioning.lock-lease:PT10M}") Duration lockLease,
            @Value("${wparflow.provisioning.spec-directory:/tmp}") String specDirectory,
            @Value("${wparflow.provisioning.nim-resource-directory:/export/nim}") String nimResourceDirectory,
            @Value("${wparflow.provisioning.approval-exempt:}") List<String> approvalExempt) {
        if (createTimeout.isNegative() || createTimeout.isZero()) {
            throw new IllegalArgumentException("wparflow.provisioning.create-timeout must be positive: " + createTimeout);
        }
        this.createTimeout = createTimeout;
        this.retryCycle = retryCycle;
        this.lockLease = lockLease;
        this.specDirectory = specDirectory;
        this.nimResourceDirectory = nimResourceDirectory;
        this.approvalExempt = Set.copyOf(approvalExempt.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** Defaults, for process tests without Spring. */
    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(Duration.ofHours(2), "R3/PT10S", Duration.ofMinutes(10), "/tmp",
                "/export/nim", List.of());
    }

    /** ISO-8601 duration mkwpar, restwpar or the NIM create may run before it is cancelled and rolled back. */
    public String getCreateTimeout() {
        return createTimeout.toString();
    }

    public Duration createTimeout() {
        return createTimeout;
    }

    public String getRetryCycle() {
        return retryCycle;
    }

    public Duration lockLease() {
        return lockLease;
    }

    /** Where the spec a direct creation reads is written on the target LPAR. */
    public String specDirectory() {
        return specDirectory;
    }

    /** Where the spec of a {@code wpar_spec} resource is written on the NIM master. */
    public String nimResourceDirectory() {
        return nimResourceDirectory;
    }

    /**
     * The approval policy: LPARs and managed systems (a lab, a sandbox) whose provisioning needs no change approval;
     * everything else does.
     */
    public boolean approvalRequired(String lpar, String managedSystem) {
        return !approvalExempt.contains(lpar) && (managedSystem == null || !approvalExempt.contains(managedSystem));
    }
}
