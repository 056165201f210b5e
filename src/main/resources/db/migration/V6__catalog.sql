-- The image catalog: one row per savewpar image in the repository (an NFS export mounted on the hosts).
-- The image's spec file and image.data are kept beside it in the repository and, as text, here.
CREATE TABLE wparflow_image (
    id                   VARCHAR(64) NOT NULL PRIMARY KEY,
    lpar                 VARCHAR(255) NOT NULL,
    wpar                 VARCHAR(64) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    path                 VARCHAR(1023) NOT NULL,
    image_data_path      VARCHAR(1023),
    spec_path            VARCHAR(1023),
    size_bytes           BIGINT,
    file_count           BIGINT,
    checksum             VARCHAR(200),
    oslevel              VARCHAR(64),
    spec_text            VARCHAR(65536),
    image_data_text      VARCHAR(65536),
    state                VARCHAR(16) NOT NULL,
    golden               BOOLEAN NOT NULL,
    restore_tested_at    TIMESTAMP WITH TIME ZONE,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    process_instance_id  VARCHAR(64),
    backup_run_id        VARCHAR(64),
    note                 VARCHAR(1000)
);
CREATE UNIQUE INDEX wparflow_image_path ON wparflow_image (path);
CREATE INDEX wparflow_image_wpar ON wparflow_image (lpar, wpar, created_at);

-- Fleet backup runs (FleetBackupProcess) and their summary counts.
CREATE TABLE wparflow_backup_run (
    id                   VARCHAR(64) NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    scope                VARCHAR(255) NOT NULL,
    trigger_kind         VARCHAR(16) NOT NULL,
    per_host_limit       INTEGER NOT NULL,
    global_limit         INTEGER NOT NULL,
    state                VARCHAR(16) NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE,
    done_count           INTEGER,
    failed_count         INTEGER,
    skipped_count        INTEGER,
    summary              VARCHAR(65536)
);
CREATE INDEX wparflow_backup_run_started ON wparflow_backup_run (started_at);

-- One row per WPAR (or unreachable host) of a fleet run: the lanes of a host claim PENDING rows one by one.
CREATE TABLE wparflow_backup_item (
    id                   VARCHAR(64) NOT NULL PRIMARY KEY,
    run_id               VARCHAR(64) NOT NULL,
    lpar                 VARCHAR(255) NOT NULL,
    wpar                 VARCHAR(64),
    state                VARCHAR(16) NOT NULL,
    claimed_by           VARCHAR(255),
    reason               VARCHAR(2000),
    image_id             VARCHAR(64),
    backup_instance_id   VARCHAR(64),
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wparflow_backup_item_run ON wparflow_backup_item (run_id, lpar, state);
