-- PreflightProcess (docs/preflight.md): one row per run (the process instance id), one per host the run checked
-- (passed or not, when), one per check on a host (status, detail, advice, the host's output). The latest host row per
-- host is what /api/lpars marks and what the preflight gate refuses operations on.
CREATE TABLE wparflow_preflight_run (
    id           VARCHAR(64) NOT NULL PRIMARY KEY,
    started_by   VARCHAR(128),
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    hosts_total  INTEGER,
    hosts_failed INTEGER
);

CREATE TABLE wparflow_preflight_host (
    run_id     VARCHAR(64) NOT NULL,
    host       VARCHAR(255) NOT NULL,
    host_kind  VARCHAR(16) NOT NULL,
    -- null while the run has not checked it yet
    passed     BOOLEAN,
    checked_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, host)
);
CREATE INDEX wparflow_preflight_host_latest ON wparflow_preflight_host (host, checked_at);

CREATE TABLE wparflow_preflight_finding (
    run_id       VARCHAR(64) NOT NULL,
    host         VARCHAR(255) NOT NULL,
    seq          INTEGER NOT NULL,
    host_kind    VARCHAR(16) NOT NULL,
    check_name   VARCHAR(255) NOT NULL,
    command_line VARCHAR(1000),
    status       VARCHAR(16) NOT NULL,
    detail       VARCHAR(4000),
    advice       VARCHAR(1000),
    raw_output   VARCHAR(65536),
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, host, seq)
);
