-- One row per WPAR provisioning (WparProvisioningProcess): the request as validated, the plan shown to approvers,
-- whether the approval policy asked for an approval, what the run created (so a rollback removes exactly that, also
-- after a restart), and the outcome. The steps that change hosts read the target from here, not from variables.
CREATE TABLE wparflow_provisioning (
    operation_instance_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    wpar                   VARCHAR(25) NOT NULL,
    hostname               VARCHAR(255) NOT NULL,
    address                VARCHAR(64),
    lpar                   VARCHAR(63),
    method                 VARCHAR(16),
    nim_master             VARCHAR(255),
    source_kind            VARCHAR(16) NOT NULL,
    source_ref             VARCHAR(255) NOT NULL,
    spec_text              VARCHAR(65536),
    image_path             VARCHAR(1023),
    resource_controls      VARCHAR(1000),
    start_after            BOOLEAN NOT NULL,
    approval_required      BOOLEAN,
    requester              VARCHAR(128),
    plan                   VARCHAR(8000),
    -- what this run created, one item per line (nim-resource:NAME, nim-machine:NAME, file:HOST:PATH, wpar:LPAR/NAME)
    created                VARCHAR(4000) NOT NULL,
    outcome                VARCHAR(32),
    reason                 VARCHAR(4000),
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wparflow_provisioning_wpar ON wparflow_provisioning (wpar, lpar);

-- The CPU minimum of each discovered WPAR (lswpar -R, Redbook 8): the start contract refuses a provisioning whose
-- minimum would take the running WPARs of its LPAR over 100 % before any host is asked.
ALTER TABLE wparflow_wpar ADD COLUMN cpu_minimum DECIMAL(5, 2);
