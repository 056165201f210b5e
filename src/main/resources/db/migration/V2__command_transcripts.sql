-- Every remote command wparflow runs, chained by hash so that editing or deleting a record shows.
CREATE TABLE wparflow_command (
    seq                  BIGINT NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    activity_id          VARCHAR(255),
    host                 VARCHAR(255) NOT NULL,
    command              VARCHAR(8000) NOT NULL,
    exit_status          INTEGER,
    failure              VARCHAR(1000),
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms          BIGINT NOT NULL,
    stdout               VARCHAR(65536),
    stderr               VARCHAR(65536),
    stdout_sha256        CHAR(64) NOT NULL,
    stderr_sha256        CHAR(64) NOT NULL,
    truncated            BOOLEAN NOT NULL,
    prev_hash            CHAR(64) NOT NULL,
    hash                 CHAR(64) NOT NULL
);
CREATE INDEX wparflow_command_instance ON wparflow_command (process_instance_id);

-- The head of the chain: one row, locked while a record is appended, so that records written by
-- several engine nodes still form a single chain.
CREATE TABLE wparflow_command_head (
    id         INTEGER NOT NULL PRIMARY KEY,
    seq        BIGINT NOT NULL,
    hash       CHAR(64) NOT NULL
);
INSERT INTO wparflow_command_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
