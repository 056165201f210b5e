-- Lease locks: one row per resource (wpar:lpar00/wpr00, host:lpar00, nim:nim01), kept after release
-- so that the fencing token only ever grows for that resource.
CREATE TABLE wparflow_lock (
    resource       VARCHAR(200) NOT NULL PRIMARY KEY,
    owner          VARCHAR(200),
    owner_info     VARCHAR(500),
    fencing_token  BIGINT NOT NULL,
    acquired_at    TIMESTAMP WITH TIME ZONE,
    heartbeat_at   TIMESTAMP WITH TIME ZONE,
    expires_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wparflow_lock_owner ON wparflow_lock (owner);
