-- LparMaintenanceProcess (docs/maintenance.md): one software maintenance of global environments, one row per LPAR
-- of its rollout (the plan read on the host, then what happened) and one per WPAR of those LPARs (levels before and
-- after, synchronisation attempts, commands, error).
CREATE TABLE wparflow_maintenance (
    id             VARCHAR(64) NOT NULL PRIMARY KEY,
    requested_by   VARCHAR(128),
    -- installp, install_all_updates or emgr; the source directory; the filesets (installp) or the fix package (emgr)
    update_kind    VARCHAR(32) NOT NULL,
    source         VARCHAR(1024) NOT NULL,
    filesets       VARCHAR(4000),
    fix_package    VARCHAR(255),
    lanes          INTEGER NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE,
    window_end     TIMESTAMP WITH TIME ZONE,
    evacuate       BOOLEAN NOT NULL,
    global_backup  BOOLEAN NOT NULL,
    sync_attempts  INTEGER NOT NULL,
    planned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set by the first failed update: the lanes take no further LPAR
    stopped_by     VARCHAR(255),
    finished_at    TIMESTAMP WITH TIME ZONE,
    outcome        VARCHAR(32),
    summary        VARCHAR(4000)
);

CREATE TABLE wparflow_maintenance_lpar (
    maintenance_id  VARCHAR(64) NOT NULL,
    lpar            VARCHAR(63) NOT NULL,
    seq             INTEGER NOT NULL,
    -- PLANNED, NOTHING_TO_DO, REFUSED, RUNNING, UPDATED, PARTIAL, BACKUP_FAILED, APPLY_FAILED, NOT_STARTED, SKIPPED
    state           VARCHAR(16) NOT NULL,
    claimed_by      VARCHAR(128),
    oslevel_before  VARCHAR(64),
    oslevel_after   VARCHAR(64),
    levels_before   VARCHAR(4000),
    levels_after    VARCHAR(4000),
    preview         VARCHAR(4000),
    active_wpars    VARCHAR(4000),
    evacuation_id   VARCHAR(64),
    backup_images   VARCHAR(2000),
    apply_run_id    VARCHAR(255),
    failed_fileset  VARCHAR(255),
    error           VARCHAR(2000),
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (maintenance_id, lpar)
);

CREATE TABLE wparflow_maintenance_wpar (
    maintenance_id  VARCHAR(64) NOT NULL,
    lpar            VARCHAR(63) NOT NULL,
    wpar            VARCHAR(25) NOT NULL,
    seq             INTEGER NOT NULL,
    state_before    VARCHAR(16),
    was_active      BOOLEAN NOT NULL,
    state_after     VARCHAR(16),
    oslevel_before  VARCHAR(64),
    oslevel_after   VARCHAR(64),
    levels_before   VARCHAR(4000),
    levels_after    VARCHAR(4000),
    -- PENDING, SYNCED, NOT_CHECKED (synchronised while not Active: its levels cannot be read through clogin),
    -- FAILED, EVACUATED (not on the LPAR while it was updated), NOT_SYNCED (the LPAR was not updated)
    sync_state      VARCHAR(16) NOT NULL,
    sync_attempts   INTEGER NOT NULL,
    commands        VARCHAR(4000),
    error           VARCHAR(2000),
    PRIMARY KEY (maintenance_id, lpar, wpar)
);
