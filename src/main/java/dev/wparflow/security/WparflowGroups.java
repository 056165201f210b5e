package dev.wparflow.security;

/** The groups wparflow's authorizations are written for. */
public final class WparflowGroups {

    /** Start operations and follow their own process instances. */
    public static final String OPERATORS = "wparflow-operators";
    /** Work the change approval tasks. */
    public static final String APPROVERS = "wparflow-approvers";
    /** Create, change and delete the WPAR templates (/api/templates); reading them is open to every user. */
    public static final String TEMPLATE_ADMINS = "wparflow-template-admins";
    /** Read the Prometheus metrics (/actuator/prometheus) and nothing else. */
    public static final String METRICS = "wparflow-metrics";

    /** Create, change and delete the relocation groups (/api/relocation-groups); reading them is open to every user. */
    public static final String RELOCATION_ADMINS = "wparflow-relocation-admins";
    /** Camunda's built-in administrators group; escalated approvals go here. */
    public static final String ADMINS = "camunda-admin";

    private WparflowGroups() {
    }
}
