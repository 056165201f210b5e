package dev.wparflow.process.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for ChangeApprovalProcess: {@code wparflow.approval.timeout} before the request escalates
 * to camunda-admin, {@code wparflow.approval.escalation-timeout} before it is rejected as timed out.
 */
@ConfigurationProperties(prefix = "wparflow.approval")
public record ApprovalSettings(Duration timeout, Duration escalationTimeout) {

    public ApprovalSettings {
        timeout = timeout == null ? Duration.ofHours(24) : timeout;
        escalationTimeout = escalationTimeout == null ? Duration.ofHours(24) : escalationTimeout;
    }
}
