-- Long AIX commands started detached on a host under a run id (deploy/aix/wparflow-run), awaited
-- by a process instance at a message catch event. The poller correlates each finished run once.
CREATE TABLE wparflow_remote_run (
    run_id               VARCHAR(128) NOT NULL PRIMARY KEY,
    host                 VARCHAR(255) NOT NULL,
    command              VARCHAR(8000) NOT NULL,
    process_instance_id  VARCHAR(64),
    activity_id          VARCHAR(255),
    state                VARCHAR(16) NOT NULL,
    exit_code            INTEGER,
    output               VARCHAR(65536),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE,
    finished_at          TIMESTAMP WITH TIME ZONE,
    correlated_at        TIMESTAMP WITH TIME ZONE,
    note                 VARCHAR(1000)
);
CREATE INDEX wparflow_remote_run_open ON wparflow_remote_run (host, correlated_at);
CREATE INDEX wparflow_remote_run_instance ON wparflow_remote_run (process_instance_id);
