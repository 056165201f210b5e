-- Four-eyes from our own record (ChangeApprovalProcess): who requested a change (the authenticated user who started
-- the operation it is for), how many approvals it needs (fixed at the request) and one row per decision, written by
-- the task listener from the authenticated user who completed the approval task. The decision is computed from these
-- rows only; the process variables decision/approvers/reason/decidedBy merely reflect them.
CREATE TABLE wparflow_change (
    approval_instance_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    -- the top-level process instance the change is for (the relocation, the restore), or the approval itself
    operation_instance_id  VARCHAR(64) NOT NULL,
    requester              VARCHAR(128) NOT NULL,
    quorum                 INTEGER NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set when nobody decided before the escalation timed out: rejected
    timed_out_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wparflow_change_operation ON wparflow_change (operation_instance_id);

CREATE TABLE wparflow_change_decision (
    approval_instance_id   VARCHAR(64) NOT NULL REFERENCES wparflow_change (approval_instance_id),
    approver               VARCHAR(128) NOT NULL,
    decision               VARCHAR(16) NOT NULL,
    reason                 VARCHAR(4000) NOT NULL,
    task_id                VARCHAR(64),
    decided_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (approval_instance_id, approver)
);
