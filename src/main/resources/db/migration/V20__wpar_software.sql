-- Software levels of the WPARs against their global environment (docs/maintenance.md, "Software levels and drift").
-- Fleet discovery measures each system WPAR (clogin NAME lslpp -l against the global lslpp -Lc) and replaces an
-- LPAR's rows; a WPAR that is not Active cannot be read through clogin: in_sync NULL ("not checked") with the reason.
CREATE TABLE wparflow_wpar_software (
    lpar         VARCHAR(63) NOT NULL,
    wpar         VARCHAR(25) NOT NULL,
    -- SHARED (the global /usr, syncwpar) or DETACHED (private /usr, inuwpar)
    wpar_kind    VARCHAR(16),
    -- TRUE in sync, FALSE drifting, NULL not checked
    in_sync      BOOLEAN,
    note         VARCHAR(2000),
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (lpar, wpar)
);

-- The filesets of a drifting WPAR: the global level (NULL: the global environment no longer has it), the WPAR's
-- (NULL: it lacks the fileset) and the part that differs (USR or ROOT).
CREATE TABLE wparflow_wpar_fileset_drift (
    lpar          VARCHAR(63) NOT NULL,
    wpar          VARCHAR(25) NOT NULL,
    fileset       VARCHAR(128) NOT NULL,
    global_level  VARCHAR(32),
    wpar_level    VARCHAR(32),
    part          VARCHAR(8) NOT NULL,
    PRIMARY KEY (lpar, wpar, fileset)
);

-- WparSyncProcess: one row per drifting WPAR an operation syncs, with its kind, the attempts, the commands run, the
-- levels read afterwards and the error of its last attempt.
CREATE TABLE wparflow_wpar_sync_item (
    operation_id  VARCHAR(64) NOT NULL,
    lpar          VARCHAR(63) NOT NULL,
    wpar          VARCHAR(25) NOT NULL,
    seq           INTEGER NOT NULL,
    wpar_kind     VARCHAR(16),
    -- the filesets that drifted when the operation measured them ("name global wpar", one per line)
    drift_before  VARCHAR(4000),
    approval_required BOOLEAN NOT NULL,
    -- PENDING, SYNCED or FAILED
    state         VARCHAR(16) NOT NULL,
    attempts      INTEGER NOT NULL,
    commands      VARCHAR(4000),
    levels_after  VARCHAR(4000),
    in_sync       BOOLEAN,
    error         VARCHAR(2000),
    finished_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (operation_id, wpar)
);
