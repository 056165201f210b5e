package dev.wparflow.process.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.wparflow.process.Operation;

/**
 * wparflow_provisioning: one row per provisioning, keyed by the operation (the top-level process instance). The plan
 * step writes the target, the spec or image and whether the approval policy asked for an approval; the creating steps
 * add what they create before they create it, so a rollback (also after a restart) removes exactly what this run may
 * have made and nothing that existed before.
 */
@Component("provisioningRecord")
public class ProvisioningRecord {

    /** One thing a provisioning creates, by kind: a NIM resource or machine, a file on a host, the WPAR. */
    public record Created(String kind, String host, String name) {

        public static final String NIM_RESOURCE = "nim-resource";
        public static final String NIM_MACHINE = "nim-machine";
        public static final String FILE = "file";
        public static final String WPAR = "wpar";

        String line() {
            return kind + ":" + host + ":" + name;
        }

        static Created parse(String line) {
            String[] p = line.split(":", 3);
            return new Created(p[0], p[1], p[2]);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case NIM_RESOURCE -> "NIM resource " + name + " on " + host;
                case NIM_MACHINE -> "NIM machine " + name + " on " + host;
                case FILE -> "file " + host + ":" + name;
                default -> "WPAR " + host + "/" + name;
            };
        }
    }

    /** A provisioning as planned. */
    public record Planned(String operationId, String wpar, String hostname, String address, String lpar,
            String method, String nimMaster, String sourceKind, String sourceRef, String specText, String imagePath,
            String resourceControls, boolean start, boolean approvalRequired, String requester, String plan,
            List<Created> created, String outcome, String reason) {

        public boolean nim() {
            return WparProvisioningVariables.METHOD_NIM.equals(method);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProvisioningRecord(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The plan of {@code operationId}, replacing an earlier one of the same operation (a retried plan step). */
    public void plan(Planned p) {
        jdbc.update("DELETE FROM wparflow_provisioning WHERE operation_instance_id = ?", p.operationId());
        jdbc.update("""
                INSERT INTO wparflow_provisioning (operation_instance_id, wpar, hostname, address, lpar, method, nim_master,
                    source_kind, source_ref, spec_text, image_path, resource_controls, start_after, approval_required,
                    requester, plan, created, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)""", p.operationId(), p.wpar(),
                p.hostname(), p.address(), p.lpar(), p.method(), p.nimMaster(), p.sourceKind(), p.sourceRef(),
                p.specText(), p.imagePath(), p.resourceControls(), p.start(), p.approvalRequired(), p.requester(),
                p.plan(), now());
    }

    /** A request refused before it had a plan: the row holds the request and the refusal. */
    public void refusedBeforePlan(String operationId, String wpar, String hostname, String sourceKind,
            String sourceRef, boolean start, String requester) {
        if (find(operationId).isPresent()) {
            return;
        }
        jdbc.update("""
                INSERT INTO wparflow_provisioning (operation_instance_id, wpar, hostname, source_kind, source_ref,
                    start_after, requester, created, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)""",
                operationId, wpar, hostname, sourceKind, sourceRef, start, requester, now());
    }

    public Optional<Planned> find(String operationId) {
        return jdbc.query("SELECT * FROM wparflow_provisioning WHERE operation_instance_id = ?", ProvisioningRecord::row,
                operationId).stream().findFirst();
    }

    public Planned require(String operationId) {
        return find(operationId).orElseThrow(() -> new IllegalStateException("no provisioning plan is recorded for "
                + "operation " + operationId));
    }

    /** Adds {@code item} to what the run created (before the command that creates it is sent). */
    public void willCreate(String operationId, Created item) {
        Planned p = require(operationId);
        if (p.created().contains(item)) {
            return;
        }
        List<Created> all = new ArrayList<>(p.created());
        all.add(item);
        jdbc.update("UPDATE wparflow_provisioning SET created = ? WHERE operation_instance_id = ?",
                String.join("\n", all.stream().map(Created::line).toList()), operationId);
    }

    /** {@code item} is gone again (rolled back). */
    public void removed(String operationId, Created item) {
        Planned p = require(operationId);
        List<Created> all = new ArrayList<>(p.created());
        all.remove(item);
        jdbc.update("UPDATE wparflow_provisioning SET created = ? WHERE operation_instance_id = ?",
                String.join("\n", all.stream().map(Created::line).toList()), operationId);
    }

    public void outcome(String operationId, String outcome, String reason) {
        jdbc.update("UPDATE wparflow_provisioning SET outcome = ?, reason = ?, ended_at = ? WHERE operation_instance_id = ?",
                outcome, reason == null ? null : reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason,
                now(), operationId);
    }

    // ---------------------------------------------------------------- for the model's expressions

    /** Gateway_ApprovalRequired: the policy the plan recorded (no plan recorded: required). */
    public boolean approvalRequired(DelegateExecution execution) {
        return find(Operation.idOf(execution)).map(Planned::approvalRequired).orElse(true);
    }

    /** Gateway_StartRequested: the plan starts the WPAR (asked for, or an application WPAR, which wparexec starts). */
    public boolean startRequested(DelegateExecution execution) {
        return find(Operation.idOf(execution)).map(Planned::start).orElse(false);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Planned row(ResultSet rs, int n) throws SQLException {
        String created = rs.getString("created");
        List<Created> items = created == null || created.isBlank() ? List.of()
                : Arrays.stream(created.split("\n")).map(Created::parse).toList();
        return new Planned(rs.getString("operation_instance_id"), rs.getString("wpar"), rs.getString("hostname"),
                rs.getString("address"), rs.getString("lpar"), rs.getString("method"), rs.getString("nim_master"),
                rs.getString("source_kind"), rs.getString("source_ref"), rs.getString("spec_text"),
                rs.getString("image_path"), rs.getString("resource_controls"), rs.getBoolean("start_after"),
                Boolean.TRUE.equals(rs.getObject("approval_required", Boolean.class)), rs.getString("requester"),
                rs.getString("plan"), items, rs.getString("outcome"), rs.getString("reason"));
    }
}
