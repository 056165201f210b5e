-- WparLifecycleProcess (docs/lifecycle.md): one row per WPAR an operation starts, stops, reboots or recovers. The
-- lanes of the operation claim the PENDING rows one by one; each row then records the WPAR's state before and after,
-- the commands run, what the recovery collected (Redbook 4.1.2) and the error, if any.
CREATE TABLE wparflow_lifecycle_item (
    operation_id VARCHAR(64) NOT NULL,
    wpar         VARCHAR(64) NOT NULL,
    lpar         VARCHAR(255) NOT NULL,
    seq          INTEGER NOT NULL,
    action       VARCHAR(16) NOT NULL,
    -- the policy's answer at the checks, the same on every row of the operation: the steps that change a WPAR
    -- read it here, never from a variable
    approval_required BOOLEAN NOT NULL,
    -- PENDING, CLAIMED (a lane works on it), DONE or FAILED
    state        VARCHAR(16) NOT NULL,
    claimed_by   VARCHAR(128),
    from_state   VARCHAR(16),
    to_state     VARCHAR(16),
    commands     VARCHAR(4000),
    findings     VARCHAR(65536),
    error        VARCHAR(2000),
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (operation_id, wpar)
);
